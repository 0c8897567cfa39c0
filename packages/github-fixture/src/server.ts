import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import {
  execute,
  GraphQLError,
  GraphQLFormattedError,
  parse,
  validate,
  DocumentNode,
} from 'graphql';
import { githubGraphqlSchema } from './githubSchema';
import { graphqlQueryCost } from './graphqlCost';
import { queryRoot, RepositoryNotFoundError } from './graphqlResolvers';
import {
  FixtureLimits,
  RateLimitResource,
  RateLimitWindow,
} from './rateLimits';
import {
  FixtureRepository,
  FixtureSeed,
  materializeSeed,
  objectId,
} from './seed';
import { githubRepositoryJson } from './restRepository';
import { fixturePage } from './fixturePages';

/** @public */
export type GithubFixtureOptions = {
  /** Default 0: any free port. */
  port?: number;
  /** The interface to listen on; default `127.0.0.1`. */
  listenHost?: string;
  seed: FixtureSeed;
  limits?: FixtureLimits;
  /** Start of the seed's relative times; default the time of the call. */
  now?: Date;
};

/** What the fixture was asked, counted since it started (or since `resetStats`). */
export type GithubFixtureStats = {
  /** Every HTTP request, pages included. */
  requests: number;
  graphqlRequests: number;
  restRequests: number;
  /** GraphQL rate-limit points charged. */
  graphqlPoints: number;
  /** REST answers `304 Not Modified` (free of charge). */
  notModified: number;
  /** Requests refused with the primary rate limit (403 or, if so configured, GraphQL 200). */
  rateLimited: number;
  /** Requests refused with the secondary rate limit. */
  secondaryRateLimited: number;
  /**
   * API requests that arrived after the fixture had refused one for a rate
   * limit and before that limit's reset (or `retry-after`): a polite client
   * sends none.
   */
  requestsAfterRateLimit: number;
};

/** How `setRateLimited` exhausts the host. */
export type RateLimitedState = {
  /** When the budget comes back, from now. */
  resetInSeconds: number;
  /** Default both. */
  resources?: RateLimitResource[];
  /** A secondary rate limit (403 with `retry-after`) instead of the used-up hourly budget. */
  secondary?: boolean;
  /** Every new hourly window starts used up again: a host that stays limited for the demo. */
  staysLimited?: boolean;
};

/** @public */
export type GithubFixture = {
  /** e.g. `http://localhost:7008`: web pages, and the base of `apiBaseUrl`. */
  url: string;
  /** `url` + `/api/v3`, as GitHub Enterprise serves REST (GraphQL at `url` + `/api/graphql`). */
  apiBaseUrl: string;
  close(): Promise<void>;
  stats(): GithubFixtureStats;
  resetStats(): void;
  /** Makes the host answer like an exhausted GitHub token, or (`false`) restores it. */
  setRateLimited(state: RateLimitedState | false): void;
  /** The repository as served now, by `owner/name`. */
  repository(fullName: string): FixtureRepository | undefined;
  /** Changes a repository in place (e.g. adds a pull request); its `updatedAt` becomes now. */
  changeRepository(
    fullName: string,
    change: (repo: FixtureRepository) => void,
  ): void;
  /** A push to the default branch now: new head commit, `pushedAt` and `updatedAt`. */
  push(fullName: string): void;
};

const DOCS = 'https://docs.github.com';
const MAX_BODY_BYTES = 1024 * 1024;

function emptyStats(): GithubFixtureStats {
  return {
    requests: 0,
    graphqlRequests: 0,
    restRequests: 0,
    graphqlPoints: 0,
    notModified: 0,
    rateLimited: 0,
    secondaryRateLimited: 0,
    requestsAfterRateLimit: 0,
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'x-github-request-id': randomUUID().toUpperCase(),
    'x-github-media-type': 'github.v3; format=json',
    ...headers,
  });
  res.end(text);
}

/** graphql-js's wording of a validation error, rewritten the way GitHub (graphql-ruby) words it. */
function githubValidationError(error: GraphQLError): GraphQLFormattedError & {
  extensions?: Record<string, unknown>;
} {
  const undefinedField = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(
    error.message,
  );
  const locations = error.locations ? [...error.locations] : undefined;
  if (undefinedField) {
    const [, fieldName, typeName] = undefinedField;
    return {
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
      locations,
      extensions: { code: 'undefinedField', typeName, fieldName },
    };
  }
  return { message: error.message, locations };
}

function formatExecutionError(error: GraphQLError) {
  const base = {
    path: error.path ? [...error.path] : undefined,
    locations: error.locations ? [...error.locations] : undefined,
    message: error.message,
  };
  return error.originalError instanceof RepositoryNotFoundError
    ? { type: error.originalError.type, ...base }
    : base;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Starts the demo's GitHub stand-in: GraphQL on GitHub's published schema,
 * a few REST routes and web pages over the seeded repositories, with GitHub's
 * rate limits. Not part of the product; the demo, the end-to-end tests and
 * `yarn bench:codehost` point `integrations.github` at it.
 */
export async function startGithubFixture(
  options: GithubFixtureOptions,
): Promise<GithubFixture> {
  const schema = githubGraphqlSchema();
  const repositories = materializeSeed(options.seed, options.now);
  const byName = new Map<string, FixtureRepository>();
  const byPreviousName = new Map<string, FixtureRepository>();
  const byId = new Map<number, FixtureRepository>();
  for (const repo of repositories) {
    byName.set(`${repo.owner}/${repo.name}`.toLowerCase(), repo);
    byId.set(repo.id, repo);
    for (const previous of repo.previousNames) {
      byPreviousName.set(`${repo.owner}/${previous}`.toLowerCase(), repo);
    }
  }
  const clock = () => Date.now();
  const windows: Record<RateLimitResource, RateLimitWindow> = {
    graphql: new RateLimitWindow(
      options.limits?.graphqlPointsPerHour ?? 5000,
      clock,
    ),
    core: new RateLimitWindow(
      options.limits?.restRequestsPerHour ?? 5000,
      clock,
    ),
  };
  const graphqlRateLimitedStatus =
    options.limits?.graphqlRateLimitedStatus ?? 403;
  let secondaryUntil = 0;
  // The latest reset announced with a refusal: requests before it were sent despite the answer.
  let refusedUntil = 0;
  const announceRefusal = (until: number) => {
    refusedUntil = Math.max(refusedUntil, until);
  };
  let stats = emptyStats();
  const countApiRequest = () => {
    if (clock() < refusedUntil) {
      stats.requestsAfterRateLimit += 1;
    }
  };
  let url = '';

  const findRepository = (owner: string, name: string) => {
    const key = `${owner}/${name}`.toLowerCase();
    return byName.get(key) ?? byPreviousName.get(key);
  };

  const refuseSecondary = (res: http.ServerResponse): boolean => {
    const wait = Math.ceil((secondaryUntil - clock()) / 1000);
    if (wait <= 0) {
      return false;
    }
    stats.secondaryRateLimited += 1;
    announceRefusal(secondaryUntil);
    send(
      res,
      403,
      {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
        documentation_url: `${DOCS}/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
      },
      { 'retry-after': String(wait) },
    );
    return true;
  };

  const rateLimitedMessage = (resource: RateLimitResource) =>
    `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID. (${resource})`;

  async function handleGraphql(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    stats.graphqlRequests += 1;
    countApiRequest();
    if (req.method !== 'POST') {
      send(res, 404, {
        message: 'Not Found',
        documentation_url: `${DOCS}/graphql`,
      });
      return;
    }
    if (refuseSecondary(res)) {
      return;
    }
    const window = windows.graphql;
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      send(res, 400, {
        message: 'Problems parsing JSON',
        documentation_url: `${DOCS}/graphql`,
      });
      return;
    }
    if (typeof body?.query !== 'string') {
      send(
        res,
        200,
        {
          errors: [
            {
              message:
                'A query attribute must be specified and must be a string.',
            },
          ],
        },
        window.headers('graphql'),
      );
      return;
    }
    const variables =
      body.variables && typeof body.variables === 'object'
        ? (body.variables as Record<string, unknown>)
        : {};
    const operationName =
      typeof body.operationName === 'string' ? body.operationName : undefined;
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      const e = error as GraphQLError;
      send(
        res,
        200,
        { errors: [{ message: e.message, locations: e.locations }] },
        window.headers('graphql'),
      );
      return;
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      send(
        res,
        200,
        { errors: invalid.map(githubValidationError) },
        window.headers('graphql'),
      );
      return;
    }
    const cost = graphqlQueryCost(schema, document, variables, operationName);
    if (cost.errors.length > 0) {
      send(
        res,
        200,
        { errors: cost.errors.map(githubValidationError) },
        window.headers('graphql'),
      );
      return;
    }
    const charged = cost.dryRun ? 0 : cost.points;
    if (!window.take(charged)) {
      stats.rateLimited += 1;
      announceRefusal(window.resetAt);
      send(
        res,
        graphqlRateLimitedStatus,
        {
          errors: [
            { type: 'RATE_LIMITED', message: rateLimitedMessage('graphql') },
          ],
        },
        window.headers('graphql'),
      );
      return;
    }
    stats.graphqlPoints += charged;
    const result = await execute({
      schema,
      document,
      variableValues: variables,
      operationName,
      rootValue: queryRoot({
        webUrl: url,
        findRepository,
        repositories: () => byName.values(),
        rateLimit: {
          cost: cost.points,
          limit: window.limit,
          remaining: window.remaining(),
          used: window.used,
          resetAt: new Date(window.resetAt).toISOString(),
          nodeCount: cost.nodes,
        },
      }),
    });
    send(
      res,
      200,
      {
        data: result.data ?? null,
        ...(result.errors?.length
          ? { errors: result.errors.map(formatExecutionError) }
          : {}),
      },
      window.headers('graphql'),
    );
  }

  async function handleRest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
  ) {
    stats.restRequests += 1;
    const window = windows.core;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 404, {
        message: 'Not Found',
        documentation_url: `${DOCS}/rest`,
      });
      return;
    }
    if (path !== '/rate_limit') {
      countApiRequest();
    }
    if (path === '/rate_limit') {
      const resource = (w: RateLimitWindow) => ({
        limit: w.limit,
        used: Math.min(w.used, w.limit),
        remaining: w.remaining(),
        reset: Math.ceil(w.resetAt / 1000),
      });
      send(
        res,
        200,
        {
          resources: {
            core: resource(windows.core),
            graphql: resource(windows.graphql),
          },
          rate: resource(windows.core),
        },
        window.headers('core'),
      );
      return;
    }
    if (refuseSecondary(res)) {
      return;
    }
    if (window.remaining() === 0) {
      stats.rateLimited += 1;
      announceRefusal(window.resetAt);
      send(
        res,
        403,
        {
          message: rateLimitedMessage('core'),
          documentation_url: `${DOCS}/rest/overview/rate-limits-for-the-rest-api`,
        },
        window.headers('core'),
      );
      return;
    }
    let repo: FixtureRepository | undefined;
    const byFullName = /^\/repos\/([^/]+)\/([^/]+)\/?$/.exec(path);
    const byNumericId = /^\/repositories\/(\d+)\/?$/.exec(path);
    if (byFullName) {
      const [owner, name] = [
        decodeURIComponent(byFullName[1]),
        decodeURIComponent(byFullName[2]),
      ];
      repo = byName.get(`${owner}/${name}`.toLowerCase());
      const renamed =
        !repo && byPreviousName.get(`${owner}/${name}`.toLowerCase());
      if (renamed) {
        window.take(1);
        const location = `${url}/api/v3/repositories/${renamed.id}`;
        send(
          res,
          301,
          {
            message: 'Moved Permanently',
            url: location,
            documentation_url: `${DOCS}/rest/guides/best-practices-for-using-the-rest-api#follow-redirects`,
          },
          { location, ...window.headers('core') },
        );
        return;
      }
    } else if (byNumericId) {
      repo = byId.get(Number(byNumericId[1]));
    }
    if (!repo) {
      window.take(1);
      send(
        res,
        404,
        {
          message: 'Not Found',
          documentation_url: `${DOCS}/rest`,
          status: '404',
        },
        window.headers('core'),
      );
      return;
    }
    if (repo.delayMs > 0) {
      await sleep(repo.delayMs);
    }
    const json = githubRepositoryJson(repo, url);
    const etag = `"${createHash('sha256')
      .update(JSON.stringify(json))
      .digest('hex')
      .slice(0, 40)}"`;
    const ifNoneMatch = req.headers['if-none-match'];
    const asked = (ifNoneMatch ?? '')
      .split(',')
      .map(tag => tag.trim().replace(/^W\//, ''));
    if (asked.includes(etag) || asked.includes('*')) {
      stats.notModified += 1;
      send(res, 304, undefined, { etag, ...window.headers('core') });
      return;
    }
    window.take(1);
    send(res, 200, json, {
      etag,
      'last-modified': new Date(repo.updatedAt).toUTCString(),
      ...window.headers('core'),
    });
  }

  function handlePage(res: http.ServerResponse, path: string) {
    const page = fixturePage(path, { findRepository, webUrl: url });
    if (page.redirect) {
      res.writeHead(301, { location: page.redirect });
      res.end();
      return;
    }
    res.writeHead(page.status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    });
    res.end(page.html);
  }

  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    let handling: Promise<void> | void;
    if (path === '/api/graphql' || path === '/graphql') {
      handling = handleGraphql(req, res);
    } else if (path.startsWith('/api/v3/')) {
      handling = handleRest(req, res, path.slice('/api/v3'.length));
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      handling = handlePage(res, path);
    } else {
      handling = send(res, 404, { message: 'Not Found' });
    }
    Promise.resolve(handling).catch(error => {
      if (!res.headersSent) {
        send(res, 500, {
          message: `Demo GitHub fixture failed: ${String(error)}`,
        });
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.listenHost ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://localhost:${port}`;

  const mustFind = (fullName: string) => {
    const repo = byName.get(fullName.toLowerCase());
    if (!repo) {
      throw new Error(`The demo GitHub fixture has no repository ${fullName}`);
    }
    return repo;
  };

  return {
    url,
    apiBaseUrl: `${url}/api/v3`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    stats: () => ({ ...stats }),
    resetStats: () => {
      stats = emptyStats();
    },
    setRateLimited(state) {
      if (state === false) {
        windows.graphql.clear();
        windows.core.clear();
        secondaryUntil = 0;
        refusedUntil = 0;
        return;
      }
      if (state.secondary) {
        secondaryUntil = clock() + state.resetInSeconds * 1000;
        return;
      }
      for (const resource of state.resources ?? ['graphql', 'core']) {
        windows[resource as RateLimitResource].exhaust(
          state.resetInSeconds,
          state.staysLimited ?? false,
        );
      }
    },
    repository: fullName => byName.get(fullName.toLowerCase()),
    changeRepository(fullName, change) {
      const repo = mustFind(fullName);
      change(repo);
      repo.updatedAt = new Date().toISOString();
    },
    push(fullName) {
      const repo = mustFind(fullName);
      const now = new Date().toISOString();
      repo.pushedAt = now;
      repo.updatedAt = now;
      repo.headOid = objectId(repo.owner, repo.name, now, Math.random());
    },
  };
}
