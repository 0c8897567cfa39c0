import {
  CodeHostAuthor,
  CodeHostIssue,
  CodeHostPullRequest,
  CodeHostRepository,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
import {
  earliestResponseAt,
  httpUrlOr,
} from '@innersource/backstage-plugin-innersource-node';
import {
  ActorAnswer,
  PullRequestAnswer,
  RepositoryFactsAnswer,
} from './repositoryFactsQuery';

const MAX_TITLE_LENGTH = 300;

const README = /^readme(\.[^/]*)?$/i;
const CONTRIBUTING = /^contributing(\.[^/]*)?$/i;
const LICENSE = /^(licen[cs]e|copying)([.-][^/]*)?$/i;

/** Bots never count as contributors or responders: GitHub Apps answer as `Bot`, and bot users carry `[bot]`. */
export function isBotActor(actor: NonNullable<ActorAnswer>): boolean {
  return actor.__typename === 'Bot' || /\[bot\]$/i.test(actor.login);
}

function author(actor: ActorAnswer): CodeHostAuthor | null {
  return actor ? { login: actor.login, isBot: isBotActor(actor) } : null;
}

function blobNames(
  tree: RepositoryFactsAnswer['rootTree'],
  pattern: RegExp,
): boolean {
  return (tree?.entries ?? []).some(
    entry => entry.type === 'blob' && pattern.test(entry.name),
  );
}

/**
 * The first comment or review by someone other than the author who is not a
 * bot; comments and reviews come oldest first, and the earliest of both wins.
 */
export function firstResponseAt(pr: PullRequestAnswer): string | undefined {
  const responder = (at: string, by: ActorAnswer) =>
    by ? { at, login: by.login, isBot: isBotActor(by) } : undefined;
  return earliestResponseAt(pr.author?.login, [
    ...(pr.comments.nodes ?? []).map(node =>
      node ? responder(node.createdAt, node.author) : undefined,
    ),
    ...(pr.reviews?.nodes ?? []).map(node =>
      node?.submittedAt ? responder(node.submittedAt, node.author) : undefined,
    ),
  ]);
}

export function pullRequestFromAnswer(
  pr: PullRequestAnswer,
  repositoryUrl: string,
): CodeHostPullRequest {
  const response = firstResponseAt(pr);
  return {
    id: String(pr.number),
    url: httpUrlOr(pr.url, `${repositoryUrl}/pull/${pr.number}`),
    author: author(pr.author),
    createdAt: pr.createdAt,
    ...(pr.mergedAt ? { mergedAt: pr.mergedAt } : {}),
    ...(response ? { firstResponseAt: response } : {}),
  };
}

/**
 * The facts of a full read, except the pull requests, which the reader
 * gathers over pages. `repository` is the repository as GitHub names it now.
 */
export function repositoryFactsFromAnswer(
  answer: RepositoryFactsAnswer,
  options: { repository: CodeHostRepository; issueLabels: string[] },
): Omit<RepositoryFacts, 'pullRequests'> {
  const { repository, issueLabels } = options;
  const empty = answer.defaultBranchRef === null;
  const facts: Omit<RepositoryFacts, 'pullRequests'> = {
    repository,
    archived: answer.isArchived,
    ...(answer.defaultBranchRef
      ? { defaultBranch: answer.defaultBranchRef.name }
      : {}),
    // An empty repository has no files and no commit: that is what was seen, not something missing.
    lastCommitAt: empty
      ? null
      : answer.defaultBranchRef?.target?.committedDate ?? null,
    files: {
      readme: blobNames(answer.rootTree, README),
      contributing:
        blobNames(answer.rootTree, CONTRIBUTING) ||
        blobNames(answer.githubTree, CONTRIBUTING) ||
        blobNames(answer.docsTree, CONTRIBUTING),
      codeowners:
        blobNames(answer.rootTree, /^CODEOWNERS$/) ||
        blobNames(answer.githubTree, /^CODEOWNERS$/) ||
        blobNames(answer.docsTree, /^CODEOWNERS$/),
      license:
        blobNames(answer.rootTree, LICENSE) || Boolean(answer.licenseInfo),
    },
  };
  const spdxId = answer.licenseInfo?.spdxId;
  // GitHub answers NOASSERTION for a license file it could not recognise.
  if (spdxId && spdxId !== 'NOASSERTION') {
    facts.licenseSpdxId = spdxId;
  }
  if (issueLabels.length > 0 && answer.issues) {
    facts.issues = {
      labels: issueLabels,
      openCount: answer.issues.totalCount,
      newest: (answer.issues.nodes ?? []).flatMap((issue): CodeHostIssue[] =>
        issue
          ? [
              {
                title: issue.title.slice(0, MAX_TITLE_LENGTH),
                url: httpUrlOr(
                  issue.url,
                  `${repository.url}/issues/${issue.number}`,
                ),
                labels: (issue.labels?.nodes ?? []).flatMap(label =>
                  label ? [label.name] : [],
                ),
                createdAt: issue.createdAt,
              },
            ]
          : [],
      ),
    };
  }
  return facts;
}
