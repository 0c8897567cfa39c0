import { GraphQLError } from 'graphql';
import {
  FixtureActor,
  FixtureIssue,
  FixturePullRequest,
  FixtureRepository,
  FixtureResponse,
} from './seed';

/** What the GraphQL resolvers need from the server for one request. */
export type GraphqlRequestContext = {
  /** e.g. `http://localhost:7008`: the web URLs of repositories, issues and pull requests. */
  webUrl: string;
  findRepository(owner: string, name: string): FixtureRepository | undefined;
  /** Every repository served, for `search`. */
  repositories(): Iterable<FixtureRepository>;
  rateLimit: {
    cost: number;
    limit: number;
    remaining: number;
    used: number;
    resetAt: string;
    nodeCount: number;
  };
};

/** GitHub's answer for a repository it does not have; the server puts `type` beside the message. */
export class RepositoryNotFoundError extends Error {
  readonly type = 'NOT_FOUND';
}

type ConnectionArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
};

type Order = { field: string; direction: 'ASC' | 'DESC' } | null | undefined;

const encodeCursor = (index: number) =>
  Buffer.from(`cursor:v2:${index}`).toString('base64');

function decodeCursor(cursor: string | null | undefined): number | undefined {
  if (!cursor) {
    return undefined;
  }
  const match = /^cursor:v2:(\d+)$/.exec(
    Buffer.from(cursor, 'base64').toString('utf8'),
  );
  if (!match) {
    throw new GraphQLError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  }
  return Number(match[1]);
}

/** A Relay connection over `items`, paged by first/last/after/before as GitHub pages. */
function connection<T, N>(
  items: T[],
  args: ConnectionArgs,
  toNode: (item: T) => N,
) {
  let start = 0;
  let end = items.length;
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  if (after !== undefined) {
    start = Math.max(start, after + 1);
  }
  if (before !== undefined) {
    end = Math.min(end, before);
  }
  if (typeof args.first === 'number') {
    end = Math.min(end, start + args.first);
  } else if (typeof args.last === 'number') {
    start = Math.max(start, end - args.last);
  }
  const page = items.slice(start, Math.max(start, end));
  const nodes = page.map(toNode);
  return {
    totalCount: items.length,
    nodes,
    edges: nodes.map((node, i) => ({ cursor: encodeCursor(start + i), node })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length ? encodeCursor(start) : null,
      endCursor: page.length ? encodeCursor(start + page.length - 1) : null,
    },
  };
}

function ordered<T extends { createdAt: string; updatedAt: string }>(
  items: T[],
  orderBy: Order,
): T[] {
  const key = orderBy?.field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt';
  const sign = orderBy?.direction === 'DESC' ? -1 : 1;
  return [...items].sort((a, b) => sign * a[key].localeCompare(b[key]) || 0);
}

const nodeId = (kind: string, id: string | number) =>
  Buffer.from(`${kind}:${id}`).toString('base64');

/** GraphQL shows an App as a `Bot` whose login has no `[bot]` suffix, as GitHub does. */
function actorNode(author: FixtureActor, webUrl: string) {
  if (!author) {
    return null;
  }
  if (author.isBot) {
    const login = author.login.replace(/\[bot\]$/, '');
    return {
      __typename: 'Bot',
      id: nodeId('Bot', login),
      login,
      url: `${webUrl}/apps/${login}`,
      avatarUrl: `${webUrl}/avatars/${login}`,
      resourcePath: `/apps/${login}`,
    };
  }
  return {
    __typename: 'User',
    id: nodeId('User', author.login),
    login: author.login,
    url: `${webUrl}/${author.login}`,
    avatarUrl: `${webUrl}/avatars/${author.login}`,
    resourcePath: `/${author.login}`,
  };
}

function labelConnection(labels: string[], args: ConnectionArgs) {
  return connection(labels, args, name => ({
    __typename: 'Label',
    id: nodeId('Label', name),
    name,
    color: 'ededed',
  }));
}

function issueNode(
  repo: FixtureRepository,
  issue: FixtureIssue,
  webUrl: string,
) {
  const url = `${webUrl}/${repo.owner}/${repo.name}/issues/${issue.number}`;
  return {
    __typename: 'Issue',
    id: nodeId('Issue', `${repo.id}/${issue.number}`),
    number: issue.number,
    title: issue.title,
    url,
    resourcePath: url.slice(webUrl.length),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    closed: issue.closedAt !== null,
    state: issue.closedAt ? 'CLOSED' : 'OPEN',
    author: actorNode(issue.author, webUrl),
    labels: (args: ConnectionArgs) => labelConnection(issue.labels, args),
  };
}

function responseConnection(
  kind: 'IssueComment' | 'PullRequestReview',
  responses: FixtureResponse[],
  args: ConnectionArgs,
  webUrl: string,
) {
  return connection(responses, args, response => ({
    __typename: kind,
    id: nodeId(kind, response.createdAt),
    author: actorNode(response.author, webUrl),
    createdAt: response.createdAt,
    updatedAt: response.createdAt,
    publishedAt: response.createdAt,
    submittedAt: response.createdAt,
    state: 'COMMENTED',
    body: '',
  }));
}

function pullRequestNode(
  repo: FixtureRepository,
  pr: FixturePullRequest,
  webUrl: string,
) {
  const url = `${webUrl}/${repo.owner}/${repo.name}/pull/${pr.number}`;
  let state = 'OPEN';
  if (pr.mergedAt) {
    state = 'MERGED';
  } else if (pr.closedAt) {
    state = 'CLOSED';
  }
  return {
    __typename: 'PullRequest',
    id: nodeId('PullRequest', `${repo.id}/${pr.number}`),
    number: pr.number,
    title: pr.title,
    url,
    resourcePath: url.slice(webUrl.length),
    createdAt: pr.createdAt,
    updatedAt: pr.updatedAt,
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    merged: pr.mergedAt !== null,
    closed: pr.closedAt !== null,
    isDraft: false,
    state,
    author: actorNode(pr.author, webUrl),
    labels: (args: ConnectionArgs) => labelConnection([], args),
    comments: (args: ConnectionArgs) =>
      responseConnection('IssueComment', pr.comments, args, webUrl),
    reviews: (args: ConnectionArgs) =>
      responseConnection('PullRequestReview', pr.reviews, args, webUrl),
  };
}

function commitNode(repo: FixtureRepository, webUrl: string) {
  const commit = {
    __typename: 'Commit',
    id: nodeId('Commit', repo.headOid),
    oid: repo.headOid,
    abbreviatedOid: repo.headOid.slice(0, 7),
    committedDate: repo.pushedAt,
    authoredDate: repo.pushedAt,
    pushedDate: repo.pushedAt,
    message: 'Latest change',
    messageHeadline: 'Latest change',
    url: `${webUrl}/${repo.owner}/${repo.name}/commit/${repo.headOid}`,
    history: (args: ConnectionArgs): unknown =>
      connection([commit], args, c => c),
  };
  return commit;
}

/** `HEAD:path`, `main:`, `<oid>:docs/`: a blob, a tree, or (without a path) the head commit. */
function gitObject(
  repo: FixtureRepository,
  expression: string | undefined,
  webUrl: string,
) {
  if (!expression || repo.pushedAt === null) {
    return null;
  }
  const colon = expression.indexOf(':');
  const revision = colon === -1 ? expression : expression.slice(0, colon);
  if (![`HEAD`, repo.defaultBranch, repo.headOid].includes(revision)) {
    return null;
  }
  if (colon === -1) {
    return commitNode(repo, webUrl);
  }
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, '');
  const text = repo.files.get(path);
  if (text !== undefined) {
    return {
      __typename: 'Blob',
      id: nodeId('Blob', `${repo.id}/${path}`),
      oid: objectIdOf(`${repo.headOid}/${path}`),
      byteSize: Buffer.byteLength(text),
      text,
      isBinary: false,
      isTruncated: false,
    };
  }
  const prefix = path ? `${path}/` : '';
  const entries = new Map<string, 'blob' | 'tree'>();
  for (const file of repo.files.keys()) {
    if (file.startsWith(prefix)) {
      const [head, ...rest] = file.slice(prefix.length).split('/');
      entries.set(head, rest.length ? 'tree' : 'blob');
    }
  }
  if (path && entries.size === 0) {
    return null;
  }
  return {
    __typename: 'Tree',
    id: nodeId('Tree', `${repo.id}/${path}`),
    oid: objectIdOf(`${repo.headOid}/${path}/`),
    entries: [...entries.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, type]) => ({
        __typename: 'TreeEntry',
        name,
        type,
        path: `${prefix}${name}`,
        mode: type === 'tree' ? 16384 : 33188,
        oid: objectIdOf(`${repo.headOid}/${prefix}${name}`),
        extension: name.includes('.') ? name.slice(name.lastIndexOf('.')) : '',
      })),
  };
}

function objectIdOf(text: string): string {
  return Buffer.from(text).toString('hex').padEnd(40, '0').slice(0, 40);
}

type IssueArgs = ConnectionArgs & {
  states?: string[] | null;
  labels?: string[] | null;
  orderBy?: Order;
  filterBy?: {
    labels?: string[] | null;
    states?: string[] | null;
    since?: string | null;
  } | null;
};

type PullRequestArgs = ConnectionArgs & {
  states?: string[] | null;
  labels?: string[] | null;
  orderBy?: Order;
};

function issueState(issue: FixtureIssue) {
  return issue.closedAt ? 'CLOSED' : 'OPEN';
}

function hasAnyLabel(
  itemLabels: string[],
  wanted: string[] | null | undefined,
) {
  if (!wanted || wanted.length === 0) {
    return true;
  }
  const set = new Set(wanted.map(label => label.toLowerCase()));
  return itemLabels.some(label => set.has(label.toLowerCase()));
}

export function repositoryNode(repo: FixtureRepository, webUrl: string) {
  const url = `${webUrl}/${repo.owner}/${repo.name}`;
  const empty = repo.pushedAt === null;
  return {
    __typename: 'Repository',
    id: nodeId('Repository', repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    owner: {
      __typename: 'Organization',
      id: nodeId('Organization', repo.owner),
      login: repo.owner,
      url: `${webUrl}/${repo.owner}`,
      resourcePath: `/${repo.owner}`,
    },
    url,
    resourcePath: `/${repo.owner}/${repo.name}`,
    description: repo.description,
    createdAt: repo.createdAt,
    pushedAt: repo.pushedAt,
    updatedAt: repo.updatedAt,
    isArchived: repo.archived,
    isEmpty: empty,
    isPrivate: true,
    isFork: false,
    isDisabled: false,
    isLocked: false,
    visibility: 'INTERNAL',
    defaultBranchRef: empty
      ? null
      : {
          __typename: 'Ref',
          id: nodeId('Ref', `${repo.id}/${repo.defaultBranch}`),
          name: repo.defaultBranch,
          prefix: 'refs/heads/',
          target: commitNode(repo, webUrl),
        },
    licenseInfo: repo.license
      ? {
          __typename: 'License',
          id: nodeId('License', repo.license.spdxId),
          key: repo.license.spdxId.toLowerCase(),
          spdxId: repo.license.spdxId,
          name: repo.license.name,
          nickname: null,
          url: `https://choosealicense.com/licenses/${repo.license.spdxId.toLowerCase()}/`,
          pseudoLicense: false,
        }
      : null,
    object: (args: { expression?: string }) =>
      gitObject(repo, args.expression, webUrl),
    issues: (args: IssueArgs) => {
      const states = args.filterBy?.states ?? args.states;
      const since = args.filterBy?.since;
      const matching = repo.issues.filter(
        issue =>
          (!states ||
            states.length === 0 ||
            states.includes(issueState(issue))) &&
          hasAnyLabel(issue.labels, args.labels) &&
          hasAnyLabel(issue.labels, args.filterBy?.labels) &&
          (!since || issue.updatedAt >= since),
      );
      return connection(ordered(matching, args.orderBy), args, issue =>
        issueNode(repo, issue, webUrl),
      );
    },
    pullRequests: (args: PullRequestArgs) => {
      const matching = repo.pullRequests.filter(pr => {
        let state = 'OPEN';
        if (pr.mergedAt) {
          state = 'MERGED';
        } else if (pr.closedAt) {
          state = 'CLOSED';
        }
        return (
          (!args.states ||
            args.states.length === 0 ||
            args.states.includes(state)) &&
          hasAnyLabel([], args.labels)
        );
      });
      return connection(ordered(matching, args.orderBy), args, pr =>
        pullRequestNode(repo, pr, webUrl),
      );
    },
  };
}

/** GitHub serves at most this many results of one search. */
const SEARCH_RESULT_LIMIT = 1000;

type IssueSearch = {
  owners: string[];
  repositories: string[];
  kind?: 'Issue' | 'PullRequest';
  state?: 'OPEN' | 'CLOSED';
  updated?: { op: '>' | '>=' | '<' | '<='; at: string };
  sort: { key: 'createdAt' | 'updatedAt'; sign: 1 | -1 };
};

/**
 * The qualifiers of GitHub's issue search the fixture answers: `user:`,
 * `org:` (both match the owner, as on GitHub), `repo:`, `is:pr`/`is:issue`,
 * `is:open`/`is:closed`, `updated:` with `>`, `>=`, `<`, `<=` and a date or
 * time, `sort:created-…`/`sort:updated-…`. Anything else (keywords
 * included) is refused, so that a client never relies on a search the
 * fixture only pretends to answer.
 */
function parseIssueSearch(query: string): IssueSearch {
  const search: IssueSearch = {
    owners: [],
    repositories: [],
    sort: { key: 'createdAt', sign: -1 },
  };
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const colon = term.indexOf(':');
    const qualifier = colon > 0 ? term.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? term.slice(colon + 1) : '';
    const updated =
      /^(>=|<=|>|<)(\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d))?)$/.exec(
        value,
      );
    const sort = /^(created|updated)-(asc|desc)$/.exec(value);
    if ((qualifier === 'user' || qualifier === 'org') && value) {
      search.owners.push(value.toLowerCase());
    } else if (qualifier === 'repo' && /^[^/]+\/[^/]+$/.test(value)) {
      search.repositories.push(value.toLowerCase());
    } else if (qualifier === 'is' && (value === 'pr' || value === 'issue')) {
      search.kind = value === 'pr' ? 'PullRequest' : 'Issue';
    } else if (qualifier === 'is' && (value === 'open' || value === 'closed')) {
      search.state = value === 'open' ? 'OPEN' : 'CLOSED';
    } else if (qualifier === 'updated' && updated) {
      search.updated = {
        op: updated[1] as NonNullable<IssueSearch['updated']>['op'],
        at: new Date(updated[2]).toISOString(),
      };
    } else if (qualifier === 'sort' && sort) {
      search.sort = {
        key: sort[1] === 'created' ? 'createdAt' : 'updatedAt',
        sign: sort[2] === 'asc' ? 1 : -1,
      };
    } else {
      throw new GraphQLError(
        `The demo GitHub fixture does not answer the search term "${term}"`,
      );
    }
  }
  return search;
}

function matchesTime(at: string, condition: IssueSearch['updated']) {
  if (!condition) {
    return true;
  }
  switch (condition.op) {
    case '>':
      return at > condition.at;
    case '>=':
      return at >= condition.at;
    case '<':
      return at < condition.at;
    default:
      return at <= condition.at;
  }
}

/** `search(type: ISSUE, query, first, after)`: issues and pull requests, at most 1,000 results as on GitHub. */
function issueSearch(
  context: GraphqlRequestContext,
  args: ConnectionArgs & { query: string; type: string },
) {
  if (args.type !== 'ISSUE') {
    throw new GraphQLError(
      `The demo GitHub fixture searches issues and pull requests only, not ${args.type}`,
    );
  }
  const search = parseIssueSearch(args.query);
  const items: Array<{
    repo: FixtureRepository;
    kind: 'Issue' | 'PullRequest';
    item: FixtureIssue | FixturePullRequest;
  }> = [];
  for (const repo of context.repositories()) {
    const slug = `${repo.owner}/${repo.name}`.toLowerCase();
    const inScope =
      (search.owners.length === 0 && search.repositories.length === 0) ||
      search.owners.includes(repo.owner.toLowerCase()) ||
      search.repositories.includes(slug);
    if (!inScope) {
      continue;
    }
    if (search.kind !== 'PullRequest') {
      repo.issues.forEach(item => items.push({ repo, kind: 'Issue', item }));
    }
    if (search.kind !== 'Issue') {
      repo.pullRequests.forEach(item =>
        items.push({ repo, kind: 'PullRequest', item }),
      );
    }
  }
  const matching = items
    .filter(
      ({ item }) =>
        (!search.state ||
          (item.closedAt ? 'CLOSED' : 'OPEN') === search.state) &&
        matchesTime(item.updatedAt, search.updated),
    )
    .sort(
      (a, b) =>
        search.sort.sign *
        a.item[search.sort.key].localeCompare(b.item[search.sort.key]),
    );
  const page = connection(
    matching.slice(0, SEARCH_RESULT_LIMIT),
    args,
    ({ repo, kind, item }) => {
      const node =
        kind === 'Issue'
          ? issueNode(repo, item as FixtureIssue, context.webUrl)
          : pullRequestNode(repo, item as FixturePullRequest, context.webUrl);
      return { ...node, repository: repositoryNode(repo, context.webUrl) };
    },
  );
  return {
    issueCount: matching.length,
    repositoryCount: 0,
    userCount: 0,
    codeCount: 0,
    discussionCount: 0,
    wikiCount: 0,
    nodes: page.nodes,
    edges: page.edges,
    pageInfo: page.pageInfo,
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The root value for `execute`: the `Query` fields the fixture answers. */
export function queryRoot(context: GraphqlRequestContext) {
  return {
    repository: async (args: { owner: string; name: string }) => {
      const repo = context.findRepository(args.owner, args.name);
      if (!repo) {
        throw new RepositoryNotFoundError(
          `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
        );
      }
      if (repo.delayMs > 0) {
        await sleep(repo.delayMs);
      }
      return repositoryNode(repo, context.webUrl);
    },
    search: (args: ConnectionArgs & { query: string; type: string }) =>
      issueSearch(context, args),
    rateLimit: () => context.rateLimit,
    viewer: () =>
      actorNode({ login: 'demo-fixture-user', isBot: false }, context.webUrl),
  };
}
