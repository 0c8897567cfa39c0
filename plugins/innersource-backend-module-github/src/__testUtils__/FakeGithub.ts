import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
} from 'graphql';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { githubSchema } from './githubSchema';

export type FakeActor = { login: string; bot?: boolean } | null;

export type FakePullRequest = {
  number: number;
  createdAt: string;
  updatedAt?: string;
  mergedAt?: string;
  author: FakeActor;
  comments?: Array<{ createdAt: string; author: FakeActor }>;
  reviews?: Array<{ submittedAt: string; author: FakeActor }>;
};

export type FakeIssue = {
  number: number;
  title: string;
  createdAt: string;
  updatedAt?: string;
  labels: string[];
};

export type FakeRepository = {
  /** `owner/name`, as GitHub spells it. */
  nameWithOwner: string;
  isArchived?: boolean;
  pushedAt?: string;
  /** Null for an empty repository. */
  defaultBranch?: { name: string; committedDate: string } | null;
  /** File names per directory: the root, `.github` and `docs`. */
  files?: { root?: string[]; github?: string[]; docs?: string[] };
  licenseSpdxId?: string | null;
  issues?: FakeIssue[];
  pullRequests?: FakePullRequest[];
};

export type RecordedRequest = {
  method: string;
  url: string;
  /** The GraphQL operation name, for GraphQL requests. */
  operation?: string;
  authorization: string | null;
  ifNoneMatch: string | null;
};

type Interruption = {
  remaining: number;
  kind: 'graphql' | 'rest' | 'any';
  answer: () => Response | Promise<Response>;
};

function connection<T>(
  items: T[],
  args: { first?: number; after?: string | null },
) {
  const start = args.after ? Number(Buffer.from(args.after, 'base64')) : 0;
  const end = start + (args.first ?? 100);
  const nodes = items.slice(start, end);
  return {
    totalCount: items.length,
    nodes,
    pageInfo: {
      hasNextPage: end < items.length,
      endCursor: nodes.length
        ? Buffer.from(String(end)).toString('base64')
        : null,
    },
  };
}

type Order = { field: string; direction: 'ASC' | 'DESC' } | undefined;

/** GitHub serves at most this many results of one search. */
const SEARCH_RESULT_LIMIT = 1000;

type SearchFilter = {
  owners: string[];
  repositories: string[];
  kind?: 'Issue' | 'PullRequest';
  updatedSince?: number;
  direction: 1 | -1;
};

/**
 * The search terms this double understands, as GitHub reads them; any other
 * term fails the query, so a test never passes on a search GitHub would
 * answer differently.
 */
function searchFilter(query: string): SearchFilter {
  const filter: SearchFilter = { owners: [], repositories: [], direction: -1 };
  for (const term of query.split(/\s+/).filter(Boolean)) {
    const [qualifier, ...rest] = term.split(':');
    const value = rest.join(':');
    if ((qualifier === 'user' || qualifier === 'org') && value) {
      filter.owners.push(value.toLowerCase());
    } else if (qualifier === 'repo' && value.includes('/')) {
      filter.repositories.push(value.toLowerCase());
    } else if (term === 'is:pr' || term === 'is:issue') {
      filter.kind = term === 'is:pr' ? 'PullRequest' : 'Issue';
    } else if (qualifier === 'updated' && value.startsWith('>=')) {
      filter.updatedSince = Date.parse(value.slice(2));
      if (!Number.isFinite(filter.updatedSince)) {
        throw new GraphQLError(`Invalid date in ${term}`);
      }
    } else if (term === 'sort:updated-asc' || term === 'sort:updated-desc') {
      filter.direction = term.endsWith('asc') ? 1 : -1;
    } else {
      throw new GraphQLError(
        `FakeGithub does not understand the search term "${term}"`,
      );
    }
  }
  return filter;
}

function ordered<T extends { createdAt: string; updatedAt?: string }>(
  items: T[],
  orderBy: Order,
): T[] {
  const key = (item: T) =>
    Date.parse(
      orderBy?.field === 'UPDATED_AT'
        ? item.updatedAt ?? item.createdAt
        : item.createdAt,
    );
  const sign = orderBy?.direction === 'ASC' ? 1 : -1;
  return [...items].sort((a, b) => sign * (key(a) - key(b)));
}

function actor(value: FakeActor) {
  if (!value) {
    return null;
  }
  // GitHub's GraphQL names an app `dependabot`; REST and the web add `[bot]`.
  return value.bot
    ? { __typename: 'Bot', login: value.login.replace(/\[bot\]$/, '') }
    : { __typename: 'User', login: value.login };
}

/**
 * A GitHub double at the HTTP level: GraphQL answered by executing each
 * query against GitHub's published schema over the repositories it holds
 * (so an invalid query fails here as it would on GitHub), REST
 * `GET /repos/{owner}/{repo}` with GitHub's 301 for renamed repositories and
 * ETags, `search(type: ISSUE)` over the issues and pull requests held (the
 * qualifiers the module uses), and one-shot answers (rate limits, 5xx,
 * silence) for tests.
 */
export class FakeGithub {
  readonly apiBaseUrl: string;
  readonly graphqlUrl: string;
  readonly webBaseUrl: string;
  readonly requests: RecordedRequest[] = [];
  readonly invalidQueries: string[] = [];
  /** The text of every search asked for, in order. */
  readonly searches: string[] = [];
  /** How many REST answers were 304 Not Modified (free of rate budget on GitHub). */
  notModifiedAnswers = 0;
  private readonly repositories = new Map<
    string,
    FakeRepository & { id: number }
  >();
  private readonly renames = new Map<string, string>();
  private readonly interruptions: Interruption[] = [];
  private nextId = 1;
  private readonly parsed = new Map<string, DocumentNode>();

  constructor(options: { apiBaseUrl?: string; webBaseUrl?: string } = {}) {
    this.apiBaseUrl = options.apiBaseUrl ?? 'https://api.github.com';
    this.webBaseUrl = options.webBaseUrl ?? 'https://github.com';
    this.graphqlUrl = this.apiBaseUrl.endsWith('/api/v3')
      ? this.apiBaseUrl.replace(/\/api\/v3$/, '/api/graphql')
      : `${this.apiBaseUrl}/graphql`;
  }

  addRepository(repository: FakeRepository): this {
    this.repositories.set(repository.nameWithOwner.toLowerCase(), {
      ...repository,
      id: this.nextId++,
    });
    return this;
  }

  /** Renames a repository: GraphQL no longer finds the old name, REST redirects it. */
  rename(from: string, to: string): this {
    const repository = this.repositories.get(from.toLowerCase());
    if (!repository) {
      throw new Error(`no repository ${from}`);
    }
    this.repositories.delete(from.toLowerCase());
    this.repositories.set(to.toLowerCase(), {
      ...repository,
      nameWithOwner: to,
    });
    this.renames.set(from.toLowerCase(), to.toLowerCase());
    return this;
  }

  update(slug: string, change: (repository: FakeRepository) => void): this {
    const repository = this.repositories.get(slug.toLowerCase());
    if (!repository) {
      throw new Error(`no repository ${slug}`);
    }
    change(repository);
    return this;
  }

  /** The next `times` requests of `kind` get this answer instead of GitHub's. */
  interrupt(
    answer: () => Response | Promise<Response>,
    options: { times?: number; kind?: Interruption['kind'] } = {},
  ): this {
    this.interruptions.push({
      remaining: options.times ?? 1,
      kind: options.kind ?? 'any',
      answer,
    });
    return this;
  }

  requestsOf(operation: string): RecordedRequest[] {
    return this.requests.filter(request => request.operation === operation);
  }

  private interruption(kind: 'graphql' | 'rest') {
    const found = this.interruptions.find(
      candidate =>
        candidate.remaining > 0 &&
        (candidate.kind === 'any' || candidate.kind === kind),
    );
    if (found) {
      found.remaining -= 1;
    }
    return found?.answer;
  }

  private record(request: Request, operation?: string) {
    this.requests.push({
      method: request.method,
      url: request.url,
      operation,
      authorization: request.headers.get('authorization'),
      ifNoneMatch: request.headers.get('if-none-match'),
    });
  }

  private repositoryValue(repository: FakeRepository & { id: number }) {
    const url = `${this.webBaseUrl}/${repository.nameWithOwner}`;
    const tree = (names: string[] | undefined) =>
      names
        ? {
            __typename: 'Tree',
            entries: names.map(name => ({
              name: name.replace(/\/$/, ''),
              type: name.endsWith('/') ? 'tree' : 'blob',
            })),
          }
        : null;
    const files = repository.files ?? {};
    const empty = repository.defaultBranch === null;
    return {
      nameWithOwner: repository.nameWithOwner,
      url,
      isArchived: repository.isArchived ?? false,
      pushedAt: repository.pushedAt ?? null,
      defaultBranchRef: repository.defaultBranch
        ? {
            name: repository.defaultBranch.name,
            target: {
              __typename: 'Commit',
              committedDate: repository.defaultBranch.committedDate,
            },
          }
        : null,
      licenseInfo:
        repository.licenseSpdxId === undefined ||
        repository.licenseSpdxId === null
          ? null
          : { spdxId: repository.licenseSpdxId },
      object: ({ expression }: { expression: string }) => {
        if (empty) {
          return null;
        }
        if (expression === 'HEAD:') {
          return tree(files.root ?? []);
        }
        if (expression === 'HEAD:.github') {
          return tree(files.github);
        }
        if (expression === 'HEAD:docs') {
          return tree(files.docs);
        }
        return null;
      },
      issues: (args: {
        states?: string[];
        labels?: string[];
        first?: number;
        after?: string;
        orderBy?: Order;
      }) => {
        const wanted = args.labels?.map(label => label.toLowerCase());
        const matching = (repository.issues ?? []).filter(
          issue =>
            !wanted ||
            issue.labels.some(label => wanted.includes(label.toLowerCase())),
        );
        const page = connection(ordered(matching, args.orderBy), args);
        return {
          ...page,
          nodes: page.nodes.map(issue => ({
            number: issue.number,
            title: issue.title,
            url: `${url}/issues/${issue.number}`,
            createdAt: issue.createdAt,
            updatedAt: issue.updatedAt ?? issue.createdAt,
            labels: (labelArgs: { first?: number }) =>
              connection(
                issue.labels.map(name => ({ name })),
                labelArgs,
              ),
          })),
        };
      },
      pullRequests: (args: {
        first?: number;
        after?: string;
        orderBy?: Order;
      }) => {
        const page = connection(
          ordered(repository.pullRequests ?? [], args.orderBy),
          args,
        );
        return {
          ...page,
          nodes: page.nodes.map(pr => ({
            number: pr.number,
            url: `${url}/pull/${pr.number}`,
            createdAt: pr.createdAt,
            updatedAt: pr.updatedAt ?? pr.createdAt,
            mergedAt: pr.mergedAt ?? null,
            author: actor(pr.author),
            comments: (commentArgs: { first?: number }) =>
              connection(
                (pr.comments ?? []).map(comment => ({
                  createdAt: comment.createdAt,
                  author: actor(comment.author),
                })),
                commentArgs,
              ),
            reviews: (reviewArgs: { first?: number }) =>
              connection(
                (pr.reviews ?? []).map(review => ({
                  submittedAt: review.submittedAt,
                  author: actor(review.author),
                })),
                reviewArgs,
              ),
          })),
        };
      },
    };
  }

  /** `search(type: ISSUE, …)`: the issues and pull requests of the repositories held. */
  private search(args: {
    type: string;
    query: string;
    first?: number;
    after?: string;
  }) {
    this.searches.push(args.query);
    if (args.type !== 'ISSUE') {
      throw new GraphQLError(
        `FakeGithub searches only issues, not ${args.type}`,
      );
    }
    const filter = searchFilter(args.query);
    const items = [...this.repositories.values()]
      .filter(repository => {
        const slug = repository.nameWithOwner.toLowerCase();
        return (
          (filter.owners.length === 0 && filter.repositories.length === 0) ||
          filter.owners.includes(slug.split('/')[0]) ||
          filter.repositories.includes(slug)
        );
      })
      .flatMap(repository => [
        ...(repository.issues ?? []).map(issue => ({
          kind: 'Issue' as const,
          repository,
          updatedAt: issue.updatedAt ?? issue.createdAt,
        })),
        ...(repository.pullRequests ?? []).map(pr => ({
          kind: 'PullRequest' as const,
          repository,
          updatedAt: pr.updatedAt ?? pr.createdAt,
        })),
      ])
      .filter(
        item =>
          (!filter.kind || item.kind === filter.kind) &&
          (filter.updatedSince === undefined ||
            Date.parse(item.updatedAt) >= filter.updatedSince),
      )
      .sort(
        (a, b) =>
          filter.direction *
          (Date.parse(a.updatedAt) - Date.parse(b.updatedAt)),
      );
    const page = connection(items.slice(0, SEARCH_RESULT_LIMIT), args);
    return {
      issueCount: items.length,
      pageInfo: page.pageInfo,
      nodes: page.nodes.map(item => ({
        __typename: item.kind,
        updatedAt: item.updatedAt,
        repository: this.repositoryValue(item.repository),
      })),
    };
  }

  private async answerGraphql(request: Request): Promise<Response> {
    const body = (await request.json()) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    let document = this.parsed.get(body.query);
    if (!document) {
      document = parse(body.query);
      this.parsed.set(body.query, document);
    }
    const operation = document.definitions.find(
      definition => definition.kind === 'OperationDefinition',
    );
    this.record(
      request,
      operation && 'name' in operation ? operation.name?.value : undefined,
    );
    const interrupted = this.interruption('graphql');
    if (interrupted) {
      return interrupted();
    }
    if (!request.headers.get('authorization')) {
      return HttpResponse.json(
        {
          message: 'This endpoint requires you to be authenticated.',
          documentation_url:
            'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
        },
        { status: 401 },
      );
    }
    const problems = validate(githubSchema(), document);
    if (problems.length > 0) {
      this.invalidQueries.push(body.query);
      return HttpResponse.json({
        errors: problems.map(problem => ({ message: problem.message })),
      });
    }
    const result = await execute({
      schema: githubSchema(),
      document,
      variableValues: body.variables,
      rootValue: {
        rateLimit: () => ({
          cost: 1,
          remaining: 4999,
          resetAt: new Date(Date.now() + 3600_000).toISOString(),
          limit: 5000,
          used: 1,
          nodeCount: 0,
        }),
        repository: ({ owner, name }: { owner: string; name: string }) => {
          const repository = this.repositories.get(
            `${owner}/${name}`.toLowerCase(),
          );
          if (!repository) {
            throw new GraphQLError(
              `Could not resolve to a Repository with the name '${owner}/${name}'.`,
              { extensions: { type: 'NOT_FOUND' } },
            );
          }
          return this.repositoryValue(repository);
        },
        search: (args: {
          type: string;
          query: string;
          first?: number;
          after?: string;
        }) => this.search(args),
      },
    });
    // GitHub puts the error type beside the message, not under extensions.
    const errors = result.errors?.map(error => ({
      type: error.extensions?.type,
      path: error.path,
      locations: error.locations,
      message: error.message,
    }));
    return HttpResponse.json({
      data: result.data ?? null,
      ...(errors ? { errors } : {}),
    });
  }

  private restRepository(
    request: Request,
    repository: FakeRepository & { id: number },
  ): Response {
    const etag = `"${repository.id}-${repository.nameWithOwner.toLowerCase()}"`;
    if (request.headers.get('if-none-match') === etag) {
      this.notModifiedAnswers += 1;
      return new HttpResponse(null, { status: 304, headers: { etag } });
    }
    return HttpResponse.json(
      {
        id: repository.id,
        full_name: repository.nameWithOwner,
        html_url: `${this.webBaseUrl}/${repository.nameWithOwner}`,
        archived: repository.isArchived ?? false,
      },
      { headers: { etag, 'x-ratelimit-remaining': '4999' } },
    );
  }

  handlers(): HttpHandler[] {
    const notFound = () =>
      HttpResponse.json(
        {
          message: 'Not Found',
          documentation_url:
            'https://docs.github.com/rest/repos/repos#get-a-repository',
          status: '404',
        },
        { status: 404 },
      );
    return [
      http.post(this.graphqlUrl, ({ request }) => this.answerGraphql(request)),
      http.get(
        `${this.apiBaseUrl}/repos/:owner/:repo`,
        ({ request, params }) => {
          this.record(request);
          const interrupted = this.interruption('rest');
          if (interrupted) {
            return interrupted();
          }
          const slug = `${params.owner}/${params.repo}`.toLowerCase();
          const renamed = this.renames.get(slug);
          if (renamed) {
            const target = this.repositories.get(renamed);
            if (target) {
              return new HttpResponse(
                JSON.stringify({
                  message: 'Moved Permanently',
                  url: `${this.apiBaseUrl}/repositories/${target.id}`,
                }),
                {
                  status: 301,
                  headers: {
                    location: `${this.apiBaseUrl}/repositories/${target.id}`,
                    'content-type': 'application/json',
                  },
                },
              );
            }
          }
          const repository = this.repositories.get(slug);
          return repository
            ? this.restRepository(request, repository)
            : notFound();
        },
      ),
      http.get(`${this.apiBaseUrl}/repositories/:id`, ({ request, params }) => {
        this.record(request);
        const repository = [...this.repositories.values()].find(
          candidate => String(candidate.id) === params.id,
        );
        return repository
          ? this.restRepository(request, repository)
          : notFound();
      }),
    ];
  }
}
