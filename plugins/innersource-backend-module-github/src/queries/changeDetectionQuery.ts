import { PUSH_MARKS_SELECTION, PushMarks } from './changeMarks';
import { RATE_LIMIT_SELECTION, RateLimitAnswer } from './rateLimit';

/** Results per page of an activity search; GitHub's most. */
export const SEARCH_PAGE_SIZE = 100;
/** GitHub serves at most this many results of one search, whatever `issueCount` says. */
export const SEARCH_RESULT_LIMIT = 1000;

/** An owner login GitHub could have; anything else is never spliced into a search. */
const OWNER_LOGIN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export type RepositoryName = { owner: string; name: string };

/** One page of an activity search: its text and the cursor after the last page read. */
export type ActivitySearchPage = { query: string; after: string | null };

export type ActivityHit = {
  updatedAt: string;
  repository: { nameWithOwner: string };
};

export type ActivitySearchAnswer = {
  issueCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<ActivityHit | Record<string, never> | null> | null;
};

export type RepositoryChangesData = {
  rateLimit?: RateLimitAnswer | null;
} & Record<string, PushMarks | ActivitySearchAnswer | null | undefined>;

/** The alias of the i-th repository of a query. */
export function repositoryAlias(index: number): string {
  return `r${index}`;
}

/** The alias of the i-th search of a query. */
export function searchAlias(index: number): string {
  return `s${index}`;
}

/**
 * The search for every issue and pull request of an owner's repositories
 * updated since `since` (opened, closed, merged, relabelled, commented,
 * reviewed), oldest update first so that updates made while paging land on
 * later pages instead of shifting unread results onto read ones. GitHub's
 * `user:` qualifier matches organisations as well as users. Undefined for a
 * login GitHub could not have.
 */
export function activitySearchText(
  owner: string,
  since: Date,
): string | undefined {
  if (!OWNER_LOGIN.test(owner)) {
    return undefined;
  }
  const at = `${since.toISOString().slice(0, 19)}Z`;
  return `user:${owner} updated:>=${at} sort:updated-asc`;
}

/**
 * The cheap change-detection query: the {@link PushMarks} of a batch of
 * repositories, each under its alias, and pages of activity searches riding
 * along. Neither asks for a connection other than the searches, so GitHub
 * charges one point for up to 149 searches and any number of repositories.
 * Names and search texts travel as variables, never spliced into the text.
 */
export function repositoryChangesQuery(request: {
  repositories: RepositoryName[];
  searches: ActivitySearchPage[];
}): {
  query: string;
  variables: Record<string, unknown>;
  /** GitHub's own rule: one request per connection asked for, a point per 100 requests, at least 1. */
  estimatedCost: number;
} {
  const declarations: string[] = [];
  const selections: string[] = [];
  const variables: Record<string, unknown> = {};
  request.repositories.forEach(({ owner, name }, index) => {
    declarations.push(`$o${index}: String!`, `$n${index}: String!`);
    variables[`o${index}`] = owner;
    variables[`n${index}`] = name;
    selections.push(
      `  ${repositoryAlias(
        index,
      )}: repository(owner: $o${index}, name: $n${index}) { ${PUSH_MARKS_SELECTION} }`,
    );
  });
  request.searches.forEach(({ query, after }, index) => {
    declarations.push(`$q${index}: String!`, `$a${index}: String`);
    variables[`q${index}`] = query;
    variables[`a${index}`] = after;
    selections.push(`  ${searchAlias(
      index,
    )}: search(type: ISSUE, query: $q${index}, first: ${SEARCH_PAGE_SIZE}, after: $a${index}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on Issue { updatedAt repository { nameWithOwner } }
      ... on PullRequest { updatedAt repository { nameWithOwner } }
    }
  }`);
  });
  const parameters = declarations.length ? `(${declarations.join(', ')})` : '';
  const query = `query RepositoryChanges${parameters} {
  ${RATE_LIMIT_SELECTION}
${selections.join('\n')}
}`;
  return {
    query,
    variables,
    estimatedCost: Math.max(1, Math.round(request.searches.length / 100)),
  };
}

/**
 * What the per-repository activity check reads: the push marks, the most
 * recently updated pull request and the labelled open issues' count and
 * most recent update.
 */
export type RepositoryActivityAnswer = PushMarks & {
  latestPullRequest: { nodes: Array<{ updatedAt: string } | null> | null };
  latestIssue?: {
    totalCount: number;
    nodes: Array<{ updatedAt: string } | null> | null;
  } | null;
};

export type RepositoryActivityTarget = RepositoryName & {
  issueLabels: string[];
};

/**
 * The per-repository activity check, for an owner whose activity search
 * would need more pages than allowed and for repositories read long before
 * the rest of their owner's: two connections per repository (one without
 * labels), so 50 repositories cost one point.
 */
export function repositoryActivityQuery(targets: RepositoryActivityTarget[]): {
  query: string;
  variables: Record<string, unknown>;
  estimatedCost: number;
} {
  const declarations: string[] = [];
  const selections: string[] = [];
  const variables: Record<string, unknown> = {};
  let connections = 0;
  targets.forEach((target, index) => {
    const withIssues = target.issueLabels.length > 0;
    declarations.push(`$o${index}: String!`, `$n${index}: String!`);
    variables[`o${index}`] = target.owner;
    variables[`n${index}`] = target.name;
    if (withIssues) {
      declarations.push(`$l${index}: [String!]`);
      variables[`l${index}`] = target.issueLabels;
    }
    connections += withIssues ? 2 : 1;
    const issues = withIssues
      ? `
    latestIssue: issues(states: OPEN, labels: $l${index}, first: 1, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      nodes { updatedAt }
    }`
      : '';
    selections.push(`  ${repositoryAlias(
      index,
    )}: repository(owner: $o${index}, name: $n${index}) {
    ${PUSH_MARKS_SELECTION}
    latestPullRequest: pullRequests(first: 1, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { updatedAt }
    }${issues}
  }`);
  });
  const query = `query RepositoryActivity(${declarations.join(', ')}) {
  ${RATE_LIMIT_SELECTION}
${selections.join('\n')}
}`;
  return {
    query,
    variables,
    estimatedCost: Math.max(1, Math.round(connections / 100)),
  };
}
