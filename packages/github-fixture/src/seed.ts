/**
 * The fixture's data as plain data. Times are relative to when the fixture
 * starts ("opened 3 days ago, answered 5 hours later"), so the demo's
 * activity and response-time checks look the same whenever it is started.
 * A login ending in `[bot]` is a GitHub App (GraphQL type `Bot`).
 */
export type FixtureSeed = {
  repositories: FixtureSeedRepository[];
};

/** @public */
export type FixtureSeedRepository = {
  owner: string;
  name: string;
  /** GitHub's numeric id; assigned in order when left out. */
  id?: number;
  /** Names the repository had before a rename: REST answers them with 301, GraphQL follows them. */
  previousNames?: string[];
  description?: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** Days since the last push to the default branch; leave out for an empty repository. */
  pushedDaysAgo?: number;
  archived?: boolean;
  /** File paths on the default branch with their text, e.g. `{ 'README.md': '# Payments' }`. */
  files?: Record<string, string>;
  license?: { spdxId: string; name: string };
  issues?: FixtureSeedIssue[];
  pullRequests?: FixtureSeedPullRequest[];
  /** Every answer about this repository waits this long: a slow host. */
  delayMs?: number;
};

/** @public */
export type FixtureSeedIssue = {
  number: number;
  title: string;
  labels?: string[];
  openedDaysAgo: number;
  closed?: boolean;
  author?: string;
};

/** @public */
export type FixtureSeedPullRequest = {
  number: number;
  title: string;
  /** Null: an account GitHub no longer knows (shown as "ghost"). */
  author: string | null;
  openedDaysAgo: number;
  /** Merged this many hours after it was opened; left out while open. */
  mergedAfterHours?: number;
  /** Closed without merging. */
  closed?: boolean;
  comments?: FixtureSeedResponse[];
  reviews?: FixtureSeedResponse[];
};

/** A comment or review, this many hours after the pull request was opened. */
export type FixtureSeedResponse = { author: string | null; afterHours: number };

/** A GitHub account as GraphQL shows it. */
export type FixtureActor = { login: string; isBot: boolean } | null;

/** @public */
export type FixtureIssue = {
  number: number;
  title: string;
  labels: string[];
  author: FixtureActor;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

/** @public */
export type FixtureResponse = { author: FixtureActor; createdAt: string };

/** @public */
export type FixturePullRequest = {
  number: number;
  title: string;
  author: FixtureActor;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  comments: FixtureResponse[];
  reviews: FixtureResponse[];
};

/** A repository as the fixture serves it: absolute times, mutable by the benchmark. */
export type FixtureRepository = {
  id: number;
  owner: string;
  name: string;
  previousNames: string[];
  description: string;
  defaultBranch: string;
  createdAt: string;
  /** Null for an empty repository. */
  pushedAt: string | null;
  updatedAt: string;
  /** The head commit of the default branch; changes with every push. */
  headOid: string;
  archived: boolean;
  files: Map<string, string>;
  license: { spdxId: string; name: string } | null;
  issues: FixtureIssue[];
  pullRequests: FixturePullRequest[];
  delayMs: number;
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function actor(login: string | null | undefined): FixtureActor {
  if (!login) {
    return null;
  }
  return { login, isBot: login.endsWith('[bot]') };
}

/** A stable 40-hex object id for a repository's head, changing with each push. */
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

/** The seed with its relative times turned into ISO 8601 times before `now`. */
export function materializeSeed(
  seed: FixtureSeed,
  now: Date = new Date(),
): FixtureRepository[] {
  const at = (daysAgo: number, plusHours = 0) =>
    new Date(
      now.getTime() - daysAgo * DAY_MS + plusHours * HOUR_MS,
    ).toISOString();
  // A seed may place a merge or a response after the start ("merged 70 hours
  // after it was opened 2 days ago"): it has not happened yet, so it is left
  // out. GitHub never reports a time in the future, and a search for recent
  // activity would otherwise find such a pull request in every cycle.
  const started = now.toISOString();
  const happened = (time: string | null) =>
    time !== null && time <= started ? time : null;
  let nextId = 100_000;
  return seed.repositories.map(repo => {
    const id = repo.id ?? (nextId += 1);
    const pushedAt =
      repo.pushedDaysAgo === undefined ? null : at(repo.pushedDaysAgo);
    const issues = (repo.issues ?? []).map(issue => ({
      number: issue.number,
      title: issue.title,
      labels: issue.labels ?? [],
      author: actor(issue.author ?? null),
      createdAt: at(issue.openedDaysAgo),
      updatedAt: at(issue.openedDaysAgo),
      closedAt: issue.closed ? happened(at(issue.openedDaysAgo, 1)) : null,
    }));
    const pullRequests = (repo.pullRequests ?? []).map(pr => {
      const responses = (list: FixtureSeedResponse[] = []) =>
        list
          .map(r => ({
            author: actor(r.author),
            createdAt: at(pr.openedDaysAgo, r.afterHours),
          }))
          .filter(r => happened(r.createdAt));
      const mergedAt =
        pr.mergedAfterHours === undefined
          ? null
          : happened(at(pr.openedDaysAgo, pr.mergedAfterHours));
      const comments = responses(pr.comments);
      const reviews = responses(pr.reviews);
      const times = [
        at(pr.openedDaysAgo),
        mergedAt,
        ...comments.map(c => c.createdAt),
        ...reviews.map(r => r.createdAt),
      ].filter((t): t is string => !!t);
      return {
        number: pr.number,
        title: pr.title,
        author: actor(pr.author),
        createdAt: at(pr.openedDaysAgo),
        updatedAt: times.sort().at(-1)!,
        mergedAt,
        closedAt:
          mergedAt ?? (pr.closed ? happened(at(pr.openedDaysAgo, 2)) : null),
        comments,
        reviews,
      };
    });
    const oldest = Math.max(
      400,
      repo.pushedDaysAgo ?? 0,
      ...(repo.issues ?? []).map(i => i.openedDaysAgo),
      ...(repo.pullRequests ?? []).map(p => p.openedDaysAgo),
    );
    const updates = [
      pushedAt,
      ...issues.map(i => i.updatedAt),
      ...pullRequests.map(p => p.updatedAt),
    ].filter((t): t is string => !!t);
    return {
      id,
      owner: repo.owner,
      name: repo.name,
      previousNames: repo.previousNames ?? [],
      description: repo.description ?? '',
      defaultBranch: repo.defaultBranch ?? 'main',
      createdAt: at(oldest + 30),
      pushedAt,
      updatedAt: updates.sort().at(-1) ?? at(oldest + 30),
      headOid: objectId(repo.owner, repo.name, pushedAt ?? 'empty'),
      archived: repo.archived ?? false,
      files: new Map(Object.entries(repo.files ?? {})),
      license: repo.license ?? null,
      issues,
      pullRequests,
      delayMs: repo.delayMs ?? 0,
    };
  });
}
