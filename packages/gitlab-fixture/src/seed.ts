/**
 * The fixture's data as plain data. Times are relative to when the fixture
 * starts ("opened 3 days ago, answered 5 hours later"), so the demo's
 * activity and response-time checks look the same whenever it is started.
 *
 * Authors are GitLab usernames. As on GitLab, a deleted account's work
 * belongs to the `ghost` user (write `null`), and project and group access
 * tokens act as bot users named `project_<id>_bot_<hex>` and
 * `group_<id>_bot_<hex>`.
 *
 * @public
 */
export type GitlabFixtureSeed = {
  projects: GitlabSeedProject[];
};

/** @public */
export type GitlabSeedProject = {
  /** The full path, `group/subgroup/project`. */
  path: string;
  /** GitLab's numeric project id; assigned in order when left out. */
  id?: number;
  /**
   * Paths the project had before it was moved or renamed. GitLab keeps a
   * redirect route for each: the API answers a GET naming one with 301 to
   * `/api/v4/projects/<id>/…`, the web pages with 301 to the new path.
   */
  previousPaths?: string[];
  description?: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** Days since the last commit on the default branch; leave out for an empty repository. */
  committedDaysAgo?: number;
  archived?: boolean;
  /** File paths on the default branch with their text, e.g. `{ 'README.md': '# Tokens' }`. */
  files?: Record<string, string>;
  /** The license GitLab detected (its `key` is lower-case, e.g. `mit`). */
  license?: { key: string; name: string };
  issues?: GitlabSeedIssue[];
  mergeRequests?: GitlabSeedMergeRequest[];
  /** Every API answer about this project waits this long: a slow host. */
  delayMs?: number;
};

/** @public */
export type GitlabSeedIssue = {
  iid: number;
  title: string;
  labels?: string[];
  openedDaysAgo: number;
  closed?: boolean;
  /** Default: the ghost user. */
  author?: string | null;
};

/** @public */
export type GitlabSeedMergeRequest = {
  iid: number;
  title: string;
  /** Null: a deleted account (GitLab shows the `ghost` user). */
  author: string | null;
  openedDaysAgo: number;
  /** Merged this many hours after it was opened; left out while open. */
  mergedAfterHours?: number;
  /** Closed without merging. */
  closed?: boolean;
  notes?: GitlabSeedNote[];
};

/**
 * A note on a merge request, this many hours after it was opened:
 *
 * - `comment` (the default): a person's (or bot's) comment;
 * - `system`: a system note such as "added 1 commit" (`body` says which);
 * - `approval`: the system note GitLab writes for an approval,
 *   "approved this merge request".
 *
 * @public
 */
export type GitlabSeedNote = {
  author: string | null;
  afterHours: number;
  kind?: 'comment' | 'system' | 'approval';
  body?: string;
};

/** A GitLab account as the REST API shows it (`UserBasic`). */
export type FixtureUser = {
  id: number;
  username: string;
  name: string;
};

/** @public */
export type FixtureIssue = {
  id: number;
  iid: number;
  title: string;
  labels: string[];
  author: FixtureUser;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

/** @public */
export type FixtureNote = {
  id: number;
  body: string;
  author: FixtureUser;
  createdAt: string;
  system: boolean;
};

/** @public */
export type FixtureMergeRequest = {
  id: number;
  iid: number;
  title: string;
  author: FixtureUser;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  notes: FixtureNote[];
};

/** A project as the fixture serves it: absolute times, changeable by tests. */
export type FixtureProject = {
  id: number;
  /** The current full path (`path_with_namespace`). */
  path: string;
  previousPaths: string[];
  description: string;
  /** Null for an empty repository, as GitLab answers. */
  defaultBranch: string | null;
  createdAt: string;
  /** Null for an empty repository. */
  lastCommitAt: string | null;
  /** The head commit of the default branch; changes with every push. */
  headSha: string;
  archived: boolean;
  files: Map<string, string>;
  license: { key: string; name: string } | null;
  issues: FixtureIssue[];
  mergeRequests: FixtureMergeRequest[];
  /** Moves with pushes, issues, merge requests and notes. */
  lastActivityAt: string;
  delayMs: number;
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const APPROVAL_BODY = 'approved this merge request';

/** A stable 40-hex id (commit SHA, blob id) from its parts. */
export function objectId(...parts: Array<string | number>): string {
  let hash = 0x811c9dc5;
  const text = parts.join('/');
  let out = '';
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ round, 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/** GitLab's users, one per username, with ids in order of appearance. */
export class FixtureUsers {
  private readonly byName = new Map<string, FixtureUser>();
  private nextId = 100;

  /** The ghost user owns the work of deleted accounts; GitLab gives it a real id. */
  readonly ghost: FixtureUser = {
    id: 1,
    username: 'ghost',
    name: 'Ghost User',
  };

  get(username: string | null | undefined): FixtureUser {
    if (!username || username === 'ghost') {
      return this.ghost;
    }
    let user = this.byName.get(username);
    if (!user) {
      this.nextId += 1;
      const bot = /^(project|group)_(\d+)_bot/.exec(username);
      user = {
        id: this.nextId,
        username,
        // GitLab names a token's bot user after the token, e.g. "renovate".
        name: bot ? `${bot[1]} access token bot` : username,
      };
      this.byName.set(username, user);
    }
    return user;
  }
}

/** The seed with its relative times turned into ISO 8601 times before `now`. */
export function materializeSeed(
  seed: GitlabFixtureSeed,
  users: FixtureUsers,
  now: Date = new Date(),
): FixtureProject[] {
  const at = (daysAgo: number, plusHours = 0) =>
    new Date(
      now.getTime() - daysAgo * DAY_MS + plusHours * HOUR_MS,
    ).toISOString();
  // A seed may place a merge or a note after the start ("merged 70 hours
  // after it was opened 2 days ago"): it has not happened yet, so it is left
  // out. GitLab never reports a time in the future.
  const started = now.toISOString();
  const happened = (time: string | null) =>
    time !== null && time <= started ? time : null;
  let nextProjectId = 1000;
  let nextIssueId = 50_000;
  let nextMergeRequestId = 70_000;
  let nextNoteId = 900_000;
  return seed.projects.map(project => {
    const id = project.id ?? (nextProjectId += 1);
    const lastCommitAt =
      project.committedDaysAgo === undefined
        ? null
        : at(project.committedDaysAgo);
    const issues: FixtureIssue[] = (project.issues ?? []).map(issue => {
      const closedAt = issue.closed
        ? happened(at(issue.openedDaysAgo, 1))
        : null;
      return {
        id: (nextIssueId += 1),
        iid: issue.iid,
        title: issue.title,
        labels: issue.labels ?? [],
        author: users.get(issue.author ?? null),
        createdAt: at(issue.openedDaysAgo),
        updatedAt: closedAt ?? at(issue.openedDaysAgo),
        closedAt,
      };
    });
    const mergeRequests: FixtureMergeRequest[] = (
      project.mergeRequests ?? []
    ).map(mr => {
      const notes: FixtureNote[] = (mr.notes ?? [])
        .map(note => {
          const kind = note.kind ?? 'comment';
          return {
            id: (nextNoteId += 1),
            body:
              kind === 'approval'
                ? APPROVAL_BODY
                : note.body ?? (kind === 'system' ? 'added 1 commit' : 'LGTM'),
            author: users.get(note.author),
            createdAt: at(mr.openedDaysAgo, note.afterHours),
            system: kind !== 'comment',
          };
        })
        .filter(note => happened(note.createdAt))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const mergedAt =
        mr.mergedAfterHours === undefined
          ? null
          : happened(at(mr.openedDaysAgo, mr.mergedAfterHours));
      const closedAt =
        mergedAt === null && mr.closed
          ? happened(at(mr.openedDaysAgo, 2))
          : null;
      const times = [
        at(mr.openedDaysAgo),
        mergedAt,
        closedAt,
        ...notes.map(n => n.createdAt),
      ].filter((t): t is string => !!t);
      return {
        id: (nextMergeRequestId += 1),
        iid: mr.iid,
        title: mr.title,
        author: users.get(mr.author),
        createdAt: at(mr.openedDaysAgo),
        updatedAt: times.sort().at(-1)!,
        mergedAt,
        closedAt,
        notes,
      };
    });
    const oldest = Math.max(
      400,
      project.committedDaysAgo ?? 0,
      ...(project.issues ?? []).map(i => i.openedDaysAgo),
      ...(project.mergeRequests ?? []).map(m => m.openedDaysAgo),
    );
    const createdAt = at(oldest + 30);
    const fixtureProject: FixtureProject = {
      id,
      path: project.path,
      previousPaths: project.previousPaths ?? [],
      description: project.description ?? '',
      defaultBranch:
        lastCommitAt === null ? null : project.defaultBranch ?? 'main',
      createdAt,
      lastCommitAt,
      headSha: objectId(project.path, lastCommitAt ?? 'empty'),
      archived: project.archived ?? false,
      files: new Map(Object.entries(project.files ?? {})),
      license: project.license ?? null,
      issues,
      mergeRequests,
      lastActivityAt: createdAt,
      delayMs: project.delayMs ?? 0,
    };
    fixtureProject.lastActivityAt = latestActivity(fixtureProject);
    return fixtureProject;
  });
}

/**
 * What `last_activity_at` says: the newest push, issue, merge request or
 * note. (GitLab itself writes it at most about once an hour for some of
 * these events; the fixture moves it at once.)
 */
export function latestActivity(project: FixtureProject): string {
  return [
    project.createdAt,
    project.lastCommitAt,
    ...project.issues.map(i => i.updatedAt),
    ...project.mergeRequests.map(m => m.updatedAt),
  ]
    .filter((t): t is string => !!t)
    .sort()
    .at(-1)!;
}
