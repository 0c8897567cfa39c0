import { createHash } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';

export type FakeUser = { username: string; bot?: boolean } | null;

export type FakeNote = {
  body?: string;
  author: FakeUser;
  createdAt: string;
  system?: boolean;
};

export type FakeMergeRequest = {
  iid: number;
  author: FakeUser;
  createdAt: string;
  mergedAt?: string;
  notes?: FakeNote[];
};

export type FakeIssue = {
  iid: number;
  title: string;
  labels: string[];
  createdAt: string;
  state?: 'opened' | 'closed';
};

export type FakeProject = {
  /** `path_with_namespace`, e.g. `acme/mobile/design-system`. */
  path: string;
  id?: number;
  lastActivityAt?: string;
  /** Null for an empty repository. */
  defaultBranch?: string | null;
  archived?: boolean;
  /** The token may see the project but not its code (a Guest, or the repository feature off). */
  codeHidden?: boolean;
  license?: { key: string; name: string } | null;
  /** Entry names per directory; a trailing `/` marks a directory. */
  files?: { root?: string[]; docs?: string[]; gitlab?: string[] };
  lastCommitAt?: string;
  issues?: FakeIssue[];
  mergeRequests?: FakeMergeRequest[];
};

export type RecordedRequest = {
  method: string;
  /** The path below the API base, decoded, with `:id` as the project's path or id as sent. */
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  ifNoneMatch: string | null;
};

type Interruption = {
  remaining: number;
  matches: (request: RecordedRequest) => boolean;
  answer: () => Response | Promise<Response>;
};

const RATE_LIMIT = 2000;

function userAnswer(user: FakeUser, ids: Map<string, number>) {
  if (!user) {
    return null;
  }
  if (!ids.has(user.username)) {
    ids.set(user.username, ids.size + 1);
  }
  return {
    id: ids.get(user.username),
    username: user.username,
    name: user.username,
    state: 'active',
    ...(user.bot === undefined ? {} : { bot: user.bot }),
  };
}

/**
 * A GitLab REST v4 double over msw: the endpoints the module reads, answered
 * as GitLab documents them (paging headers, rate-limit headers, ETags and
 * 304s on projects, 301 from a moved project's old path to
 * `/projects/<id>`, 404 bodies). A request with parameters GitLab would read
 * differently (a missing `state=opened`, several labels at once) is recorded
 * in `invalidRequests`, so a test never passes on a request GitLab would
 * answer otherwise.
 */
export class FakeGitlab {
  readonly apiBaseUrl: string;
  readonly webBaseUrl: string;
  readonly requests: RecordedRequest[] = [];
  readonly invalidRequests: string[] = [];
  private readonly projects = new Map<
    number,
    Required<Pick<FakeProject, 'id'>> & FakeProject
  >();
  private readonly redirects = new Map<string, number>();
  private readonly interruptions: Interruption[] = [];
  private readonly userIds = new Map<string, number>();
  private nextId = 100;
  private remaining = RATE_LIMIT;

  constructor(options: { apiBaseUrl?: string; webBaseUrl?: string } = {}) {
    this.apiBaseUrl = options.apiBaseUrl ?? 'https://gitlab.com/api/v4';
    this.webBaseUrl = options.webBaseUrl ?? 'https://gitlab.com';
  }

  addProject(project: FakeProject): this {
    const id = project.id ?? this.nextId++;
    this.projects.set(id, {
      defaultBranch: 'main',
      lastActivityAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      lastCommitAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      ...project,
      id,
    });
    return this;
  }

  update(path: string, change: (project: FakeProject) => void): this {
    change(this.byPath(path)!);
    return this;
  }

  /** Moves a project; GitLab keeps a redirect route for the old path. */
  move(from: string, to: string): this {
    const project = this.byPath(from)!;
    this.redirects.set(from.toLowerCase(), project.id);
    project.path = to;
    return this;
  }

  /** The next `times` requests that match (all by default) get `answer` instead. */
  interrupt(
    answer: () => Response | Promise<Response>,
    options: {
      times?: number;
      matches?: (request: RecordedRequest) => boolean;
    } = {},
  ): this {
    this.interruptions.push({
      remaining: options.times ?? 1,
      matches: options.matches ?? (() => true),
      answer,
    });
    return this;
  }

  /** The recorded requests whose path ends with `suffix` (e.g. `/notes`). */
  requestsTo(pattern: RegExp): RecordedRequest[] {
    return this.requests.filter(request => pattern.test(request.path));
  }

  handlers(): HttpHandler[] {
    return [
      http.get(`${this.apiBaseUrl}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const base = new URL(this.apiBaseUrl).pathname.replace(/\/$/, '');
        const segments = url.pathname
          .slice(base.length + 1)
          .split('/')
          .map(segment => decodeURIComponent(segment));
        const recorded: RecordedRequest = {
          method: request.method,
          path: segments.join('/'),
          query: url.searchParams,
          authorization: request.headers.get('authorization'),
          ifNoneMatch: request.headers.get('if-none-match'),
        };
        this.requests.push(recorded);
        const interruption = this.interruptions.find(
          candidate => candidate.remaining > 0 && candidate.matches(recorded),
        );
        if (interruption) {
          interruption.remaining -= 1;
          return interruption.answer();
        }
        return this.withRateLimit(this.route(segments, url, recorded));
      }),
    ];
  }

  private withRateLimit(response: Response): Response {
    this.remaining = Math.max(0, this.remaining - 1);
    const headers = response.headers;
    headers.set('RateLimit-Limit', String(RATE_LIMIT));
    headers.set('RateLimit-Observed', String(RATE_LIMIT - this.remaining));
    headers.set('RateLimit-Remaining', String(this.remaining));
    headers.set('RateLimit-Reset', String(Math.floor(Date.now() / 1000) + 60));
    return response;
  }

  private byPath(path: string) {
    const wanted = path.toLowerCase();
    return [...this.projects.values()].find(
      project => project.path.toLowerCase() === wanted,
    );
  }

  private invalid(request: RecordedRequest, why: string): Response {
    this.invalidRequests.push(`${request.path}?${request.query}: ${why}`);
    return HttpResponse.json({ message: why }, { status: 400 });
  }

  private notFound(what: string): Response {
    return HttpResponse.json(
      { message: `404 ${what} Not Found` },
      { status: 404 },
    );
  }

  private route(segments: string[], url: URL, request: RecordedRequest) {
    const [collection, id, ...rest] = segments;
    if (collection === 'groups' && id && rest.join('/') === 'projects') {
      return this.groupProjects(id, request);
    }
    if (collection !== 'projects' || !id) {
      return this.invalid(request, `FakeGitlab does not serve ${request.path}`);
    }
    const numeric = /^\d+$/.test(id) ? Number(id) : undefined;
    const project =
      numeric !== undefined ? this.projects.get(numeric) : this.byPath(id);
    if (!project) {
      const movedTo =
        numeric === undefined && this.redirects.get(id.toLowerCase());
      if (movedTo) {
        // GitLab answers a GET on a moved project's old path with 301 to the same resource by id.
        const location = new URL(url.href);
        location.pathname = [
          new URL(this.apiBaseUrl).pathname.replace(/\/$/, ''),
          'projects',
          String(movedTo),
          ...rest.map(encodeURIComponent),
        ].join('/');
        return new HttpResponse(null, {
          status: 301,
          headers: { Location: location.href },
        });
      }
      return this.notFound('Project');
    }
    const resource = rest.join('/');
    const query = url.searchParams;
    if (resource === '') {
      return this.project(project, request);
    }
    if (resource === 'repository/tree') {
      return this.tree(project, query, request);
    }
    if (resource === 'repository/commits') {
      if (
        !project.defaultBranch ||
        query.get('ref_name') !== project.defaultBranch
      ) {
        return project.defaultBranch
          ? this.invalid(request, 'ref_name is not the default branch')
          : HttpResponse.json([]);
      }
      return this.paged(
        [
          {
            id: 'c0ffee',
            short_id: 'c0ffee',
            committed_date: project.lastCommitAt,
          },
        ],
        query,
      );
    }
    if (resource === 'issues') {
      return this.issues(project, query, request);
    }
    if (resource === 'merge_requests') {
      return this.mergeRequests(project, query, request);
    }
    const notes = resource.match(/^merge_requests\/(\d+)\/notes$/);
    if (notes) {
      const mergeRequest = project.mergeRequests?.find(
        mr => mr.iid === Number(notes[1]),
      );
      if (!mergeRequest) {
        return this.notFound('Merge Request');
      }
      if (
        query.get('sort') !== 'asc' ||
        query.get('order_by') !== 'created_at'
      ) {
        return this.invalid(request, 'notes are read oldest first');
      }
      return this.paged(
        (mergeRequest.notes ?? []).map((note, index) => ({
          id: mergeRequest.iid * 1000 + index,
          type: null,
          body: note.body ?? 'Looks good',
          author: userAnswer(note.author, this.userIds),
          created_at: note.createdAt,
          system: note.system ?? false,
          noteable_iid: mergeRequest.iid,
        })),
        query,
      );
    }
    return this.invalid(request, `FakeGitlab does not serve ${request.path}`);
  }

  private projectAnswer(project: FakeProject & { id: number }) {
    return {
      id: project.id,
      name: project.path.split('/').at(-1),
      path: project.path.split('/').at(-1),
      path_with_namespace: project.path,
      web_url: `${this.webBaseUrl}/${project.path}`,
      ...(project.codeHidden
        ? {}
        : {
            default_branch: project.defaultBranch ?? null,
            empty_repo: project.defaultBranch === null,
          }),
      last_activity_at: project.lastActivityAt,
      archived: project.archived ?? false,
      license_url: project.license
        ? `${this.webBaseUrl}/${project.path}/-/blob/main/LICENSE`
        : null,
      license: project.license ?? null,
    };
  }

  private project(
    project: FakeProject & { id: number },
    request: RecordedRequest,
  ) {
    if (request.query.get('license') !== 'true') {
      return this.invalid(request, 'the license is asked with license=true');
    }
    const body = JSON.stringify(this.projectAnswer(project));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (request.ifNoneMatch === etag) {
      return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
    }
    return new HttpResponse(body, {
      headers: { 'Content-Type': 'application/json', ETag: etag },
    });
  }

  private groupProjects(group: string, request: RecordedRequest) {
    const query = request.query;
    if (
      query.get('include_subgroups') !== 'true' ||
      query.get('order_by') !== 'last_activity_at' ||
      query.get('sort') !== 'desc' ||
      query.get('simple') !== 'true' ||
      query.get('archived') !== 'false'
    ) {
      return this.invalid(
        request,
        'the group listing is not asked as documented',
      );
    }
    const prefix = `${group.toLowerCase()}/`;
    const inGroup = [...this.projects.values()].filter(project =>
      project.path.toLowerCase().startsWith(prefix),
    );
    if (inGroup.length === 0) {
      return this.notFound('Group');
    }
    const listed = inGroup
      .filter(project => !project.archived)
      .sort(
        (a, b) => Date.parse(b.lastActivityAt!) - Date.parse(a.lastActivityAt!),
      )
      .map(project => ({
        id: project.id,
        name: project.path.split('/').at(-1),
        path_with_namespace: project.path,
        web_url: `${this.webBaseUrl}/${project.path}`,
        last_activity_at: project.lastActivityAt,
      }));
    return this.paged(listed, query);
  }

  private tree(
    project: FakeProject & { id: number },
    query: URLSearchParams,
    request: RecordedRequest,
  ) {
    if (!project.defaultBranch) {
      return this.notFound('Tree');
    }
    if (query.get('ref') !== project.defaultBranch) {
      return this.invalid(request, 'ref is not the default branch');
    }
    const dir = query.get('path') ?? '';
    const directories: Record<string, string[] | undefined> = {
      '': project.files?.root ?? [],
      docs: project.files?.docs,
      '.gitlab': project.files?.gitlab,
    };
    const names = directories[dir];
    if (names === undefined || (dir !== '' && names.length === 0)) {
      return this.notFound('Tree');
    }
    return this.paged(
      names.map((entry, index) => {
        const name = entry.replace(/\/$/, '');
        return {
          id: `e${index}`,
          name,
          type: entry.endsWith('/') ? 'tree' : 'blob',
          path: dir ? `${dir}/${name}` : name,
          mode: entry.endsWith('/') ? '040000' : '100644',
        };
      }),
      query,
    );
  }

  private issues(
    project: FakeProject & { id: number },
    query: URLSearchParams,
    request: RecordedRequest,
  ) {
    const labels = (query.get('labels') ?? '').split(',').filter(Boolean);
    if (query.get('state') !== 'opened') {
      return this.invalid(request, 'issues are not asked with state=opened');
    }
    if (labels.length !== 1) {
      // GitLab would answer the issues with ALL of them, not any.
      return this.invalid(request, 'issues are asked for one label at a time');
    }
    if (
      query.get('order_by') !== 'created_at' ||
      query.get('sort') !== 'desc'
    ) {
      return this.invalid(request, 'issues are read newest first');
    }
    const issues = (project.issues ?? [])
      .filter(
        issue =>
          (issue.state ?? 'opened') === 'opened' &&
          labels.every(label => issue.labels.includes(label)),
      )
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .map(issue => ({
        id: project.id * 1000 + issue.iid,
        iid: issue.iid,
        project_id: project.id,
        title: issue.title,
        state: issue.state ?? 'opened',
        labels: issue.labels,
        created_at: issue.createdAt,
        web_url: `${this.webBaseUrl}/${project.path}/-/issues/${issue.iid}`,
      }));
    return this.paged(issues, query);
  }

  private mergeRequests(
    project: FakeProject & { id: number },
    query: URLSearchParams,
    request: RecordedRequest,
  ) {
    const after = Date.parse(query.get('created_after') ?? '');
    if (
      query.get('state') !== 'all' ||
      !Number.isFinite(after) ||
      query.get('order_by') !== 'created_at' ||
      query.get('sort') !== 'desc'
    ) {
      return this.invalid(
        request,
        'merge requests are not asked as documented',
      );
    }
    const items = (project.mergeRequests ?? [])
      .filter(mr => Date.parse(mr.createdAt) > after)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .map(mr => ({
        id: project.id * 1000 + mr.iid,
        iid: mr.iid,
        project_id: project.id,
        web_url: `${this.webBaseUrl}/${project.path}/-/merge_requests/${mr.iid}`,
        author: userAnswer(mr.author, this.userIds),
        created_at: mr.createdAt,
        merged_at: mr.mergedAt ?? null,
        state: mr.mergedAt ? 'merged' : 'opened',
      }));
    return this.paged(items, query);
  }

  /** GitLab's offset pagination: `per_page` (default 20, at most 100), `page`, and its headers. */
  private paged(items: unknown[], query: URLSearchParams): Response {
    const perPage = Math.min(Number(query.get('per_page') ?? 20) || 20, 100);
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
    const totalPages = Math.max(Math.ceil(items.length / perPage), 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const next = page < totalPages ? String(page + 1) : '';
    return HttpResponse.json(slice, {
      headers: {
        'X-Total': String(items.length),
        'X-Total-Pages': String(totalPages),
        'X-Page': String(page),
        'X-Per-Page': String(perPage),
        'X-Next-Page': next,
        'X-Prev-Page': page > 1 ? String(page - 1) : '',
      },
    });
  }
}
