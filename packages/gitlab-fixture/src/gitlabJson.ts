import {
  FixtureIssue,
  FixtureMergeRequest,
  FixtureNote,
  FixtureProject,
  FixtureUser,
  objectId,
} from './seed';

/*
 * The subsets of GitLab's REST v4 entities the fixture answers with, field
 * names and value forms as GitLab writes them (snake_case, ISO 8601 times,
 * `opened` rather than `open`).
 */

const lastSegment = (path: string) => path.split('/').at(-1)!;
const namespaceOf = (path: string) => path.split('/').slice(0, -1).join('/');

/** Every group a project lives under, outermost first: `a`, `a/b` for `a/b/c`. */
export function groupPaths(projectPath: string): string[] {
  const parts = projectPath.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** A stable numeric id for a group path. */
export function groupId(groupPath: string): number {
  return 10 + (parseInt(objectId('group', groupPath).slice(0, 6), 16) % 9000);
}

export function namespaceJson(groupPath: string, webUrl: string) {
  const parent = namespaceOf(groupPath);
  return {
    id: groupId(groupPath),
    name: lastSegment(groupPath),
    path: lastSegment(groupPath),
    kind: 'group',
    full_path: groupPath,
    parent_id: parent ? groupId(parent) : null,
    avatar_url: null,
    web_url: `${webUrl}/groups/${groupPath}`,
  };
}

export function groupJson(groupPath: string, webUrl: string) {
  const namespace = namespaceJson(groupPath, webUrl);
  return {
    id: namespace.id,
    web_url: namespace.web_url,
    name: namespace.name,
    path: namespace.path,
    description: '',
    visibility: 'internal',
    full_name: groupPath.split('/').join(' / '),
    full_path: groupPath,
    parent_id: namespace.parent_id,
  };
}

export function userJson(user: FixtureUser, webUrl: string) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: 'active',
    locked: false,
    avatar_url: null,
    web_url: `${webUrl}/${user.username}`,
  };
}

/** `GET /projects?simple=true` and `/groups/:id/projects?simple=true`. */
export function simpleProjectJson(project: FixtureProject, webUrl: string) {
  const web = `${webUrl}/${project.path}`;
  return {
    id: project.id,
    description: project.description,
    name: lastSegment(project.path),
    name_with_namespace: project.path.split('/').join(' / '),
    path: lastSegment(project.path),
    path_with_namespace: project.path,
    created_at: project.createdAt,
    default_branch: project.defaultBranch,
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${new URL(webUrl).host}:${project.path}.git`,
    http_url_to_repo: `${web}.git`,
    web_url: web,
    readme_url: project.files.has('README.md')
      ? `${web}/-/blob/${project.defaultBranch}/README.md`
      : null,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: project.lastActivityAt,
    namespace: namespaceJson(namespaceOf(project.path), webUrl),
  };
}

/** `GET /projects/:id`, with `license` when asked for (`license=true`). */
export function projectJson(
  project: FixtureProject,
  webUrl: string,
  withLicense: boolean,
) {
  const api = `${webUrl}/api/v4`;
  return {
    ...simpleProjectJson(project, webUrl),
    _links: {
      self: `${api}/projects/${project.id}`,
      issues: `${api}/projects/${project.id}/issues`,
      merge_requests: `${api}/projects/${project.id}/merge_requests`,
      repo_branches: `${api}/projects/${project.id}/repository/branches`,
    },
    empty_repo: project.lastCommitAt === null,
    archived: project.archived,
    visibility: 'internal',
    issues_enabled: true,
    merge_requests_enabled: true,
    open_issues_count: project.issues.filter(i => !i.closedAt).length,
    updated_at: project.lastActivityAt,
    license_url: project.license
      ? `${webUrl}/${project.path}/-/blob/${project.defaultBranch}/LICENSE`
      : null,
    ...(withLicense
      ? {
          license: project.license
            ? {
                key: project.license.key,
                name: project.license.name,
                nickname: null,
                html_url: `https://opensource.org/licenses/${project.license.key}`,
                source_url: null,
              }
            : null,
        }
      : {}),
  };
}

export function issueJson(
  project: FixtureProject,
  issue: FixtureIssue,
  webUrl: string,
) {
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: project.id,
    title: issue.title,
    description: '',
    state: issue.closedAt ? 'closed' : 'opened',
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    labels: issue.labels,
    author: userJson(issue.author, webUrl),
    assignees: [],
    type: 'ISSUE',
    issue_type: 'issue',
    user_notes_count: 0,
    web_url: `${webUrl}/${project.path}/-/issues/${issue.iid}`,
    references: {
      short: `#${issue.iid}`,
      relative: `#${issue.iid}`,
      full: `${project.path}#${issue.iid}`,
    },
  };
}

export function mergeRequestState(mr: FixtureMergeRequest) {
  if (mr.mergedAt) {
    return 'merged';
  }
  return mr.closedAt ? 'closed' : 'opened';
}

export function mergeRequestJson(
  project: FixtureProject,
  mr: FixtureMergeRequest,
  webUrl: string,
) {
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: project.id,
    title: mr.title,
    description: '',
    state: mergeRequestState(mr),
    created_at: mr.createdAt,
    updated_at: mr.updatedAt,
    merged_at: mr.mergedAt,
    closed_at: mr.closedAt,
    target_branch: project.defaultBranch ?? 'main',
    source_branch: `change-${mr.iid}`,
    author: userJson(mr.author, webUrl),
    draft: false,
    user_notes_count: mr.notes.filter(n => !n.system).length,
    web_url: `${webUrl}/${project.path}/-/merge_requests/${mr.iid}`,
    references: {
      short: `!${mr.iid}`,
      relative: `!${mr.iid}`,
      full: `${project.path}!${mr.iid}`,
    },
  };
}

export function noteJson(
  mr: FixtureMergeRequest,
  note: FixtureNote,
  webUrl: string,
) {
  return {
    id: note.id,
    type: null,
    body: note.body,
    attachment: null,
    author: userJson(note.author, webUrl),
    created_at: note.createdAt,
    updated_at: note.createdAt,
    system: note.system,
    noteable_id: mr.id,
    noteable_type: 'MergeRequest',
    noteable_iid: mr.iid,
    resolvable: false,
    confidential: false,
    internal: false,
  };
}

export function commitJson(project: FixtureProject, webUrl: string) {
  const sha = project.headSha;
  return {
    id: sha,
    short_id: sha.slice(0, 8),
    title: 'Latest change',
    message: 'Latest change\n',
    author_name: 'Acme Developer',
    author_email: 'developer@acme.example',
    authored_date: project.lastCommitAt,
    committer_name: 'Acme Developer',
    committer_email: 'developer@acme.example',
    committed_date: project.lastCommitAt,
    created_at: project.lastCommitAt,
    parent_ids: [objectId(sha, 'parent')],
    web_url: `${webUrl}/${project.path}/-/commit/${sha}`,
  };
}

/**
 * `GET /projects/:id/repository/tree?path=<dir>`: the entries directly in
 * `dir` (root when empty), directories first as GitLab lists them; null
 * when the directory does not exist.
 */
export function treeJson(project: FixtureProject, dir: string) {
  const prefix = dir ? `${dir.replace(/\/+$/, '')}/` : '';
  const entries = new Map<string, 'blob' | 'tree'>();
  for (const file of project.files.keys()) {
    if (!file.startsWith(prefix)) {
      continue;
    }
    const [name, ...rest] = file.slice(prefix.length).split('/');
    entries.set(name, rest.length > 0 ? 'tree' : 'blob');
  }
  if (entries.size === 0) {
    return null;
  }
  return [...entries]
    .sort(([a, aType], [b, bType]) => {
      if (aType !== bType) {
        return aType === 'tree' ? -1 : 1;
      }
      return a.localeCompare(b);
    })
    .map(([name, type]) => ({
      id: objectId(project.headSha, prefix + name),
      name,
      type,
      path: prefix + name,
      mode: type === 'tree' ? '040000' : '100644',
    }));
}
