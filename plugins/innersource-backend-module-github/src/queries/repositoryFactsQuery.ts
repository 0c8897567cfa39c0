import { PUSH_MARKS_SELECTION, PushMarks } from './changeMarks';
import { RATE_LIMIT_SELECTION, RateLimitAnswer } from './rateLimit';

/** How many of the labelled open issues are read, newest first. */
export const NEWEST_ISSUES = 5;
/** Labels read per issue. */
const LABELS_PER_ISSUE = 10;
/**
 * Comments and reviews read per pull request to find the first response.
 * They come oldest first; a response hidden behind more of the author's own
 * or bots' comments than this is not seen (the pull request counts as
 * unanswered). Asking for more nodes costs no more points: GitHub counts
 * one request per connection, whatever its size.
 */
const RESPONSES_PER_PULL_REQUEST = 10;

export type ActorAnswer = { __typename: string; login: string } | null;

export type PullRequestAnswer = {
  number: number;
  url: string;
  createdAt: string;
  mergedAt: string | null;
  author: ActorAnswer;
  comments: {
    nodes: Array<{ createdAt: string; author: ActorAnswer } | null> | null;
  };
  reviews: {
    nodes: Array<{
      submittedAt: string | null;
      author: ActorAnswer;
    } | null> | null;
  } | null;
};

export type PullRequestPageAnswer = {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<PullRequestAnswer | null> | null;
};

type TreeAnswer = {
  entries?: Array<{ name: string; type: string }> | null;
} | null;

export type RepositoryFactsAnswer = PushMarks & {
  url: string;
  defaultBranchRef: {
    name: string;
    target: { committedDate?: string } | null;
  } | null;
  licenseInfo: { spdxId: string | null } | null;
  rootTree: TreeAnswer;
  githubTree: TreeAnswer;
  docsTree: TreeAnswer;
  issues?: {
    totalCount: number;
    nodes: Array<{
      number: number;
      title: string;
      url: string;
      createdAt: string;
      labels: { nodes: Array<{ name: string } | null> | null } | null;
    } | null> | null;
  } | null;
  pullRequests: PullRequestPageAnswer;
};

export type RepositoryFactsData = {
  rateLimit?: RateLimitAnswer | null;
  repository: RepositoryFactsAnswer | null;
};

export type PullRequestPageData = {
  rateLimit?: RateLimitAnswer | null;
  repository: { pullRequests: PullRequestPageAnswer } | null;
};

const PULL_REQUEST_SELECTION = `
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        url
        createdAt
        mergedAt
        author { __typename login }
        comments(first: ${RESPONSES_PER_PULL_REQUEST}) {
          nodes { createdAt author { __typename login } }
        }
        reviews(first: ${RESPONSES_PER_PULL_REQUEST}) {
          nodes { submittedAt author { __typename login } }
        }
      }`;

function repositoryFactsText(withIssues: boolean): string {
  const issues = withIssues
    ? `
    issues(states: OPEN, labels: $labels, first: ${NEWEST_ISSUES}, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      nodes {
        number
        title
        url
        createdAt
        labels(first: ${LABELS_PER_ISSUE}) { nodes { name } }
      }
    }`
    : '';
  const labelsDeclaration = withIssues ? ', $labels: [String!]' : '';
  return `query RepositoryFacts($owner: String!, $name: String!, $pageSize: Int!${labelsDeclaration}) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    ${PUSH_MARKS_SELECTION}
    url
    defaultBranchRef {
      name
      target { ... on Commit { committedDate } }
    }
    licenseInfo { spdxId }
    rootTree: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
    githubTree: object(expression: "HEAD:.github") { ... on Tree { entries { name type } } }
    docsTree: object(expression: "HEAD:docs") { ... on Tree { entries { name type } } }${issues}
    pullRequests(first: $pageSize, orderBy: { field: CREATED_AT, direction: DESC }) {${PULL_REQUEST_SELECTION}
    }
  }
}`;
}

/** The two shapes of the full read: with the labelled issues, and without when no labels are asked for. */
export const REPOSITORY_FACTS_QUERY = {
  withIssues: repositoryFactsText(true),
  withoutIssues: repositoryFactsText(false),
};

/** The next page of a repository's pull requests, newest first. */
export const PULL_REQUEST_PAGE_QUERY = `query PullRequestPage($owner: String!, $name: String!, $pageSize: Int!, $after: String!) {
  ${RATE_LIMIT_SELECTION}
  repository(owner: $owner, name: $name) {
    pullRequests(first: $pageSize, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {${PULL_REQUEST_SELECTION}
    }
  }
}`;

/**
 * Points a full read is expected to cost by GitHub's rule (one request per
 * connection, counting nested ones once per parent node asked for, a point
 * per 100): with 50 pull requests that is 1 + 50 × 2 for the pull requests,
 * their comments and reviews, 1 + 5 for the issues and their labels: 1 point.
 */
export function repositoryFactsCost(pageSize: number, withIssues: boolean) {
  const requests = 1 + 2 * pageSize + (withIssues ? 1 + NEWEST_ISSUES : 0);
  return Math.max(1, Math.round(requests / 100));
}

export function pullRequestPageCost(pageSize: number) {
  return Math.max(1, Math.round((1 + 2 * pageSize) / 100));
}
