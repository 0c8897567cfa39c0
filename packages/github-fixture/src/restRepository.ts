import { FixtureRepository } from './seed';

/** The subset of GitHub's REST repository object the fixture answers `GET /repos/{owner}/{repo}` with. */
export function githubRepositoryJson(repo: FixtureRepository, webUrl: string) {
  const fullName = `${repo.owner}/${repo.name}`;
  const api = `${webUrl}/api/v3`;
  return {
    id: repo.id,
    node_id: Buffer.from(`Repository:${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: fullName,
    private: true,
    visibility: 'internal',
    owner: {
      login: repo.owner,
      type: 'Organization',
      html_url: `${webUrl}/${repo.owner}`,
      url: `${api}/users/${repo.owner}`,
    },
    html_url: `${webUrl}/${fullName}`,
    description: repo.description,
    fork: false,
    url: `${api}/repos/${fullName}`,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    default_branch: repo.defaultBranch,
    archived: repo.archived,
    disabled: false,
    open_issues_count:
      repo.issues.filter(i => !i.closedAt).length +
      repo.pullRequests.filter(p => !p.closedAt).length,
    license: repo.license
      ? {
          key: repo.license.spdxId.toLowerCase(),
          name: repo.license.name,
          spdx_id: repo.license.spdxId,
          url: `${api}/licenses/${repo.license.spdxId.toLowerCase()}`,
        }
      : null,
  };
}
