import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { fixturePage } from './fixturePages';
import {
  commitJson,
  groupJson,
  groupId,
  groupPaths,
  issueJson,
  mergeRequestJson,
  mergeRequestState,
  noteJson,
  projectJson,
  simpleProjectJson,
  treeJson,
} from './gitlabJson';
import { paginate } from './pagination';
import { GitlabFixtureLimits, RateLimitWindow } from './rateLimits';
import {
  FixtureProject,
  FixtureUser,
  FixtureUsers,
  GitlabFixtureSeed,
  latestActivity,
  materializeSeed,
  objectId,
} from './seed';

/** @public */
export type GitlabFixtureOptions = {
  /** Default 0: any free port. */
  port?: number;
  /** The interface to listen on; default `127.0.0.1`. */
  listenHost?: string;
  seed: GitlabFixtureSeed;
  limits?: GitlabFixtureLimits;
  /** Start of the seed's relative times; default the time of the call. */
  now?: Date;
};

/** What the fixture was asked, counted since it started (or since `resetStats`). */
export type GitlabFixtureStats = {
  /** Every HTTP request, pages included. */
  requests: number;
  /** Requests under `/api/v4`, refused ones included. */
  apiRequests: number;
  /** API answers by route, e.g. `projects/:id/merge_requests`: what a client asked for. */
  byRoute: Record<string, number>;
  /** Answers `304 Not Modified` (GitLab counts them against the rate limit too). */
  notModified: number;
  /** Answers `301` for a moved project's old path. */
  redirects: number;
  /** Requests refused with 429. */
  rateLimited: number;
  /**
   * API requests that arrived after a 429 and before its `Retry-After` had
   * passed: a polite client sends none.
   */
  requestsAfterRateLimit: number;
};

/** How `setRateLimited` exhausts the host. */
export type GitlabRateLimitedState = {
  /** When the window resets, from now (the 429's `Retry-After`). */
  resetInSeconds: number;
  /** Every new window starts used up again: a host that stays limited for the demo. */
  staysLimited?: boolean;
};

/** @public */
export type GitlabFixture = {
  /** e.g. `http://localhost:7010`: web pages, and the base of `apiBaseUrl`. */
  url: string;
  /** `url` + `/api/v4`, the value of `integrations.gitlab[].apiBaseUrl`. */
  apiBaseUrl: string;
  close(): Promise<void>;
  stats(): GitlabFixtureStats;
  resetStats(): void;
  /** Makes the host answer 429 with `Retry-After`, or (`false`) restores it. */
  setRateLimited(state: GitlabRateLimitedState | false): void;
  /** The project as served now, by its current path. */
  project(path: string): FixtureProject | undefined;
  /** The GitLab user with this username (created on first use), e.g. to add a merge request. */
  user(username: string | null): FixtureUser;
  /** Changes a project in place (e.g. adds a merge request); its `last_activity_at` becomes now. */
  changeProject(path: string, change: (project: FixtureProject) => void): void;
  /** A push to the default branch now: new head commit, last commit and activity times. */
  push(path: string): void;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function emptyStats(): GitlabFixtureStats {
  return {
    requests: 0,
    apiRequests: 0,
    byRoute: {},
    notModified: 0,
    redirects: 0,
    rateLimited: 0,
    requestsAfterRateLimit: 0,
  };
}

/** An answer before it is written: JSON (or nothing) with its headers. */
type Answer = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

const notFound = (message: string): Answer => ({
  status: 404,
  body: { message },
});

const byTime =
  <T>(field: (item: T) => string | null, sort: string | null) =>
  (a: T, b: T) => {
    const order = (field(a) ?? '').localeCompare(field(b) ?? '');
    return sort === 'asc' ? order : -order;
  };

/** GitLab's `created_after`/`created_before`/`updated_after`/`updated_before` filters. */
function withinTimes<T extends { createdAt: string; updatedAt: string }>(
  items: T[],
  query: URLSearchParams,
): T[] {
  const bound = (name: string) => {
    const value = query.get(name);
    const time = value ? Date.parse(value) : NaN;
    return Number.isNaN(time) ? undefined : time;
  };
  const createdAfter = bound('created_after');
  const createdBefore = bound('created_before');
  const updatedAfter = bound('updated_after');
  const updatedBefore = bound('updated_before');
  return items.filter(item => {
    const created = Date.parse(item.createdAt);
    const updated = Date.parse(item.updatedAt);
    return (
      (createdAfter === undefined || created >= createdAfter) &&
      (createdBefore === undefined || created <= createdBefore) &&
      (updatedAfter === undefined || updated >= updatedAfter) &&
      (updatedBefore === undefined || updated <= updatedBefore)
    );
  });
}

/**
 * GitLab's `labels` filter: a comma-separated list that an issue must carry
 * ALL of (a client wanting any of several asks once per label); `None` and
 * `Any` mean no label and at least one. Label names match exactly, as
 * GitLab's do.
 */
function matchesLabels(labels: string[], asked: string | null): boolean {
  if (asked === null || asked === '') {
    return true;
  }
  if (asked === 'None') {
    return labels.length === 0;
  }
  if (asked === 'Any') {
    return labels.length > 0;
  }
  return asked
    .split(',')
    .map(label => label.trim())
    .filter(Boolean)
    .every(label => labels.includes(label));
}

/**
 * Starts the demo's GitLab stand-in: the REST v4 routes the GitLab module
 * reads, with GitLab's JSON shapes, offset pagination, ETags, `RateLimit-*`
 * headers, 429 with `Retry-After`, redirects for moved projects and tiny
 * web pages. Not part of the product; the demo and the end-to-end tests
 * point `integrations.gitlab` at it.
 */
export async function startGitlabFixture(
  options: GitlabFixtureOptions,
): Promise<GitlabFixture> {
  const users = new FixtureUsers();
  const projects = materializeSeed(options.seed, users, options.now);
  const byPath = new Map<string, FixtureProject>();
  const byPreviousPath = new Map<string, FixtureProject>();
  const byId = new Map<number, FixtureProject>();
  for (const project of projects) {
    byPath.set(project.path.toLowerCase(), project);
    byId.set(project.id, project);
    for (const previous of project.previousPaths) {
      byPreviousPath.set(previous.toLowerCase(), project);
    }
  }
  const clock = () => Date.now();
  const window = new RateLimitWindow(options.limits ?? {}, clock);
  let refusedUntil = 0;
  let stats = emptyStats();
  let url = '';

  const findProject = (path: string) =>
    byPath.get(path.toLowerCase()) ?? byPreviousPath.get(path.toLowerCase());

  const groupExists = (group: string) =>
    projects.some(p =>
      groupPaths(p.path).some(g => g.toLowerCase() === group.toLowerCase()),
    );
  const findGroup = (idOrPath: string): string | undefined => {
    const all = new Set(projects.flatMap(p => groupPaths(p.path)));
    if (/^\d+$/.test(idOrPath)) {
      return [...all].find(g => groupId(g) === Number(idOrPath));
    }
    return groupExists(idOrPath)
      ? [...all].find(g => g.toLowerCase() === idOrPath.toLowerCase())
      : undefined;
  };

  function projectRoutes(
    project: FixtureProject,
    rest: string[],
    requestUrl: URL,
  ): { route: string; answer: Answer } {
    const query = requestUrl.searchParams;
    const list = (items: unknown[]) => {
      const { page, headers } = paginate(items, requestUrl, url);
      return { status: 200, body: page, headers };
    };
    const [first, second, third, fourth] = rest;
    if (rest.length === 0) {
      return {
        route: 'projects/:id',
        answer: {
          status: 200,
          body: projectJson(project, url, query.get('license') === 'true'),
          headers: {
            'last-modified': new Date(project.lastActivityAt).toUTCString(),
          },
        },
      };
    }
    if (first === 'repository' && second === 'tree' && rest.length === 2) {
      const ref = query.get('ref') ?? project.defaultBranch;
      const entries =
        project.lastCommitAt !== null && ref === project.defaultBranch
          ? treeJson(project, query.get('path') ?? '')
          : null;
      return {
        route: 'projects/:id/repository/tree',
        answer: entries ? list(entries) : notFound('404 Tree Not Found'),
      };
    }
    if (first === 'repository' && second === 'files' && third) {
      const filePath = decodeURIComponent(third);
      const text =
        query.get('ref') === project.defaultBranch
          ? project.files.get(filePath)
          : undefined;
      if (text === undefined) {
        return {
          route: 'projects/:id/repository/files/:path',
          answer: notFound('404 File Not Found'),
        };
      }
      if (fourth === 'raw') {
        return {
          route: 'projects/:id/repository/files/:path/raw',
          answer: { status: 200, body: { raw: text } },
        };
      }
      return {
        route: 'projects/:id/repository/files/:path',
        answer: {
          status: 200,
          body: {
            file_name: filePath.split('/').at(-1),
            file_path: filePath,
            size: Buffer.byteLength(text),
            encoding: 'base64',
            content: Buffer.from(text).toString('base64'),
            ref: project.defaultBranch,
            blob_id: objectId(project.headSha, filePath),
            commit_id: project.headSha,
            last_commit_id: project.headSha,
          },
        },
      };
    }
    if (first === 'repository' && second === 'commits' && rest.length === 2) {
      const ref = query.get('ref_name') ?? project.defaultBranch;
      const commits =
        project.lastCommitAt !== null && ref === project.defaultBranch
          ? [commitJson(project, url)]
          : [];
      return {
        route: 'projects/:id/repository/commits',
        answer: list(commits),
      };
    }
    if (first === 'issues' && rest.length === 1) {
      const state = query.get('state') ?? 'all';
      const issues = withinTimes(project.issues, query)
        .filter(
          issue =>
            state === 'all' ||
            (state === 'opened' ? !issue.closedAt : !!issue.closedAt),
        )
        .filter(issue => matchesLabels(issue.labels, query.get('labels')))
        .sort(
          byTime(
            issue =>
              query.get('order_by') === 'updated_at'
                ? issue.updatedAt
                : issue.createdAt,
            query.get('sort'),
          ),
        );
      return {
        route: 'projects/:id/issues',
        answer: list(issues.map(issue => issueJson(project, issue, url))),
      };
    }
    if (first === 'merge_requests' && rest.length === 1) {
      const state = query.get('state') ?? 'all';
      const orderBy = query.get('order_by');
      const mergeRequests = withinTimes(project.mergeRequests, query)
        .filter(mr => state === 'all' || mergeRequestState(mr) === state)
        .sort(
          byTime(mr => {
            if (orderBy === 'updated_at') {
              return mr.updatedAt;
            }
            return orderBy === 'merged_at' ? mr.mergedAt : mr.createdAt;
          }, query.get('sort')),
        );
      return {
        route: 'projects/:id/merge_requests',
        answer: list(
          mergeRequests.map(mr => mergeRequestJson(project, mr, url)),
        ),
      };
    }
    if (first === 'merge_requests' && second && rest.length <= 3) {
      const mr = project.mergeRequests.find(m => String(m.iid) === second);
      const route =
        third === 'notes'
          ? 'projects/:id/merge_requests/:iid/notes'
          : 'projects/:id/merge_requests/:iid';
      if (!mr) {
        return { route, answer: notFound('404 Not found') };
      }
      if (third === undefined) {
        return {
          route,
          answer: { status: 200, body: mergeRequestJson(project, mr, url) },
        };
      }
      if (third === 'notes') {
        const notes = [...mr.notes].sort(
          byTime(
            note => note.createdAt,
            query.get('sort') === 'asc' ? 'asc' : 'desc',
          ),
        );
        return { route, answer: list(notes.map(n => noteJson(mr, n, url))) };
      }
    }
    return {
      route: 'projects/:id/*',
      answer: { status: 404, body: { error: '404 Not Found' } },
    };
  }

  function apiRoutes(
    method: string,
    segments: string[],
    requestUrl: URL,
  ):
    | { route: string; answer: Answer }
    | Promise<{ route: string; answer: Answer }> {
    const [resource, rawId, ...rest] = segments;
    if (resource === 'projects' && rawId) {
      const id = decodeURIComponent(rawId);
      const project = /^\d+$/.test(id) ? byId.get(Number(id)) : findProject(id);
      if (!project) {
        return {
          route: 'projects/:id',
          answer: notFound('404 Project Not Found'),
        };
      }
      if (/\//.test(id) && project.path.toLowerCase() !== id.toLowerCase()) {
        // A moved project named by an old path: GitLab's redirect route.
        // A GET is answered 301 to the same route by numeric id (query kept);
        // every other method, HEAD included, 405.
        if (method !== 'GET') {
          return {
            route: 'projects/:id (moved)',
            answer: {
              status: 405,
              body: {
                message: 'Non GET methods are not allowed for moved projects',
              },
            },
          };
        }
        const location = `${url}/api/v4/${[
          'projects',
          String(project.id),
          ...rest,
        ].join('/')}${requestUrl.search}`;
        stats.redirects += 1;
        return {
          route: 'projects/:id (moved)',
          answer: {
            status: 301,
            body: {
              message: `This resource has been moved permanently to ${location}`,
            },
            headers: { location },
          },
        };
      }
      const answer = () => projectRoutes(project, rest, requestUrl);
      return project.delayMs > 0
        ? sleep(project.delayMs).then(answer)
        : answer();
    }
    if (resource === 'groups' && rawId) {
      const group = findGroup(decodeURIComponent(rawId));
      const route = rest.length ? 'groups/:id/projects' : 'groups/:id';
      if (!group) {
        return { route, answer: notFound('404 Group Not Found') };
      }
      if (rest.length === 0) {
        return { route, answer: { status: 200, body: groupJson(group, url) } };
      }
      if (rest.length === 1 && rest[0] === 'projects') {
        const query = requestUrl.searchParams;
        const subgroups = query.get('include_subgroups') === 'true';
        const archived = query.get('archived');
        const orderBy = query.get('order_by') ?? 'created_at';
        const inGroup = projects
          .filter(p => {
            const namespace = p.path.split('/').slice(0, -1).join('/');
            return subgroups
              ? groupPaths(p.path).includes(group)
              : namespace === group;
          })
          .filter(p =>
            archived === null ? true : p.archived === (archived === 'true'),
          )
          .sort((a, b) => {
            const field = (p: FixtureProject) => {
              if (orderBy === 'last_activity_at' || orderBy === 'updated_at') {
                return p.lastActivityAt;
              }
              if (orderBy === 'id') {
                return String(p.id).padStart(12, '0');
              }
              return orderBy === 'path' || orderBy === 'name'
                ? p.path
                : p.createdAt;
            };
            const order = field(a).localeCompare(field(b));
            return query.get('sort') === 'asc' ? order : -order;
          });
        const simple = query.get('simple') === 'true';
        const { page, headers } = paginate(
          inGroup.map(p =>
            simple
              ? simpleProjectJson(p, url)
              : projectJson(p, url, query.get('license') === 'true'),
          ),
          requestUrl,
          url,
        );
        return { route, answer: { status: 200, body: page, headers } };
      }
    }
    if (resource === 'user' && !rawId) {
      return {
        route: 'user',
        answer: {
          status: 200,
          body: {
            id: 2,
            username: 'demo-fixture',
            name: 'Demo fixture token',
            state: 'active',
            bot: false,
          },
        },
      };
    }
    if (resource === 'version' && !rawId) {
      return {
        route: 'version',
        answer: {
          status: 200,
          body: { version: '17.5.0-demo-fixture', revision: 'fixture' },
        },
      };
    }
    return {
      route: 'unknown',
      answer: { status: 404, body: { error: '404 Not Found' } },
    };
  }

  function write(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    answer: Answer,
  ) {
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    const headers: Record<string, string> = {
      'x-request-id': randomUUID().replace(/-/g, '').slice(0, 26),
      'x-gitlab-meta': '{"correlation_id":"fixture","version":"1"}',
      ...window.headers(),
      ...(answer.headers ?? {}),
    };
    if (answer.status === 200 && req.method !== 'POST') {
      const etag = `"${createHash('sha256')
        .update(text)
        .digest('hex')
        .slice(0, 32)}"`;
      headers.etag = etag;
      const asked = (req.headers['if-none-match'] ?? '')
        .split(',')
        .map(tag => tag.trim().replace(/^W\//, ''));
      if (asked.includes(etag) || asked.includes('*')) {
        stats.notModified += 1;
        res.writeHead(304, headers);
        res.end();
        return;
      }
    }
    if (text) {
      headers['content-type'] = 'application/json';
    }
    res.writeHead(answer.status, headers);
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    requestUrl: URL,
    rawPath: string,
  ) {
    stats.apiRequests += 1;
    if (clock() < refusedUntil) {
      stats.requestsAfterRateLimit += 1;
    }
    if (!window.take()) {
      stats.rateLimited += 1;
      const retryAfter = window.retryAfterSeconds();
      refusedUntil = Math.max(refusedUntil, clock() + retryAfter * 1000);
      write(req, res, {
        status: 429,
        body: { message: 'Retry later' },
        headers: { 'retry-after': String(retryAfter) },
      });
      return;
    }
    const method = req.method ?? 'GET';
    const segments = rawPath.split('/').filter(Boolean);
    const { route, answer } =
      method === 'GET' || method === 'HEAD'
        ? await apiRoutes(method, segments, requestUrl)
        : {
            route: 'unknown',
            answer: { status: 405, body: { error: '405 Method Not Allowed' } },
          };
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    write(req, res, answer);
  }

  function handlePage(res: http.ServerResponse, path: string) {
    const page = fixturePage(path, { findProject, webUrl: url });
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
    // The raw path keeps `%2F` inside a project id apart from the path's own slashes.
    const rawPath = (req.url ?? '/').split('?')[0];
    const requestUrl = new URL(req.url ?? '/', 'http://fixture');
    let handling: Promise<void> | void = undefined;
    if (rawPath === '/api/v4' || rawPath.startsWith('/api/v4/')) {
      handling = handleApi(
        req,
        res,
        requestUrl,
        rawPath.slice('/api/v4'.length),
      );
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      handling = handlePage(res, requestUrl.pathname);
    } else {
      res.writeHead(404);
      res.end();
    }
    Promise.resolve(handling).catch(error => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            message: `500 Demo GitLab fixture failed: ${String(error)}`,
          }),
        );
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

  const mustFind = (path: string) => {
    const project = byPath.get(path.toLowerCase());
    if (!project) {
      throw new Error(`The demo GitLab fixture has no project ${path}`);
    }
    return project;
  };

  return {
    url,
    apiBaseUrl: `${url}/api/v4`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    stats: () => ({ ...stats, byRoute: { ...stats.byRoute } }),
    resetStats: () => {
      stats = emptyStats();
    },
    setRateLimited(state) {
      if (state === false) {
        window.clear();
        refusedUntil = 0;
        return;
      }
      window.exhaust(state.resetInSeconds, state.staysLimited ?? false);
    },
    project: path => byPath.get(path.toLowerCase()),
    user: username => users.get(username),
    changeProject(path, change) {
      const project = mustFind(path);
      change(project);
      const now = new Date().toISOString();
      const latest = latestActivity(project);
      project.lastActivityAt = latest > now ? latest : now;
    },
    push(path) {
      const project = mustFind(path);
      const now = new Date().toISOString();
      project.lastCommitAt = now;
      project.defaultBranch = project.defaultBranch ?? 'main';
      project.lastActivityAt = now;
      project.headSha = objectId(project.path, now, Math.random());
    },
  };
}
