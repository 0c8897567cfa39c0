/**
 * What changes whenever anything the facts are made of changes: a push to
 * any branch moves `pushedAt`; a new, closed, commented or reviewed pull
 * request moves the newest pull request's `updatedAt`; an opened, closed or
 * relabelled issue moves the labelled open issues' count or newest
 * `updatedAt`; a rename moves `nameWithOwner`. Both the change-detection batch
 * and the full read ask for these, so that their tokens compare.
 */
export type ChangeMarks = {
  nameWithOwner: string;
  isArchived: boolean;
  pushedAt: string | null;
  latestPullRequest: { nodes: Array<{ updatedAt: string } | null> | null };
  latestIssue?: {
    totalCount: number;
    nodes: Array<{ updatedAt: string } | null> | null;
  } | null;
};

/**
 * The GraphQL selection of {@link ChangeMarks}; `labelsVariable` names the
 * `[String!]` variable with the issue labels, or is undefined when no labels
 * are asked for (then the issues are not read at all).
 */
export function changeMarksSelection(labelsVariable?: string): string {
  const issues = labelsVariable
    ? `
    latestIssue: issues(states: OPEN, labels: $${labelsVariable}, first: 1, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      nodes { updatedAt }
    }`
    : '';
  return `
    nameWithOwner
    isArchived
    pushedAt
    latestPullRequest: pullRequests(first: 1, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { updatedAt }
    }${issues}`;
}

/** The change token of a repository: one line, compared as a whole. */
export function changeToken(marks: ChangeMarks): string {
  const issue = marks.latestIssue;
  return [
    'v1',
    marks.nameWithOwner.toLowerCase(),
    marks.isArchived ? 'archived' : 'active',
    marks.pushedAt ?? '-',
    marks.latestPullRequest.nodes?.[0]?.updatedAt ?? '-',
    issue ? `${issue.totalCount}@${issue.nodes?.[0]?.updatedAt ?? '-'}` : '-',
  ].join('|');
}
