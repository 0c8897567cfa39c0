/**
 * Code-host facts: what a provider (GitHub, GitLab, a company's own host)
 * read from an entity's repository, as plain data. Providers produce
 * {@link RepositoryFacts}; the backend stores them with the time they were
 * read and derives the scorecard's {@link ScorecardCodeHostFacts} and the
 * API's {@link EntityCodeHostSummary} from them with the pure functions of
 * this folder. Every text in here comes from the code host and is untrusted.
 */

/**
 * Where an entity's code lives.
 *
 * @public
 */
export type CodeHostRepository = {
  /** The provider's id, e.g. `github`, `gitlab`. */
  provider: string;
  /** The host as configured under `integrations`, e.g. `github.com`, `ghe.example.com`. */
  host: string;
  /**
   * The repository's path on the host, as the provider names it:
   * `owner/name` on GitHub, `group/subgroup/project` on GitLab.
   */
  slug: string;
  /** The repository's web page (http or https). */
  url: string;
};

/**
 * An open issue carrying one of the entity's `innersource/issue-labels`.
 *
 * @public
 */
export type CodeHostIssue = {
  title: string;
  /** The issue's web page (http or https). */
  url: string;
  labels: string[];
  /** ISO 8601 time. */
  createdAt: string;
};

/** @public */
export type CodeHostAuthor = {
  /** The author's login on the code host, as the host spells it. */
  login: string;
  /** Bots (apps, `dependabot[bot]`, GitLab bot users) never count as contributors or responders. */
  isBot: boolean;
};

/**
 * A pull request (GitHub) or merge request (GitLab) opened in the window.
 *
 * @public
 */
export type CodeHostPullRequest = {
  /** e.g. `42` for GitHub's #42, `!42` on GitLab. */
  id: string;
  /** Its web page (http or https). */
  url: string;
  /** Null when the host no longer knows the author (deleted account). */
  author: CodeHostAuthor | null;
  /** ISO 8601 time it was opened. */
  createdAt: string;
  /** ISO 8601 time it was merged; absent while not merged. */
  mergedAt?: string;
  /**
   * ISO 8601 time of the first comment, review, note or approval by someone
   * other than the author who is not a bot (system notes never count);
   * absent while nobody answered.
   */
  firstResponseAt?: string;
};

/**
 * What a provider read from one repository. A field that could not be read is
 * left out, and the checks that need it say `not-reported`.
 *
 * @public
 */
export type RepositoryFacts = {
  /** The repository as the host names it now (it may have been renamed or moved). */
  repository: CodeHostRepository;
  /** Whether the repository is archived (read-only). */
  archived?: boolean;
  defaultBranch?: string;
  files?: {
    readme?: boolean;
    /** CONTRIBUTING in the root, `.github/` or `docs/`. */
    contributing?: boolean;
    /** CODEOWNERS where the host looks for it. */
    codeowners?: boolean;
    license?: boolean;
  };
  /** e.g. `Apache-2.0`, when the host recognised the license. */
  licenseSpdxId?: string;
  /** ISO 8601 time of the latest commit on the default branch; null for an empty repository. */
  lastCommitAt?: string | null;
  /** Open issues with any of `labels`. */
  issues?: {
    /** The labels asked for (any of them). */
    labels: string[];
    /** How many open issues carry any of them. */
    openCount: number;
    /** The newest few, newest first. */
    newest: CodeHostIssue[];
  };
  /** Pull/merge requests opened in the last `windowDays` days, newest first. */
  pullRequests?: {
    windowDays: number;
    items: CodeHostPullRequest[];
    /** True when the host had more than were read; the counts are then lower bounds. */
    truncated: boolean;
  };
};

/**
 * How one author of a contribution maps to the catalog.
 *
 * @public
 */
export type CodeHostAuthorIdentity =
  | {
      kind: 'user';
      /** Full ref of the catalog User, e.g. `user:default/jane`. */
      userRef: string;
      /** Full refs of the groups the user belongs to (`memberOf`). */
      groups: string[];
    }
  /** No catalog User has this login (e.g. no `github.com/user-login`). */
  | { kind: 'unknown' };

/**
 * What the contributions of the window show, derived from
 * {@link RepositoryFacts.pullRequests} by `summarizeContributions`.
 *
 * @public
 */
export type ContributionSummary = {
  windowDays: number;
  /** Merged pull/merge requests opened in the window (bots left out). */
  merged: number;
  /** Of those, by authors who belong to none of the owning teams. */
  outside: number;
  /** Of those, by members of an owning team. */
  inside: number;
  /** Of those, by authors who map to no catalog User: neither inside nor outside. */
  unknown: number;
  /** Logins of the unknown authors (at most 20), for the fix. */
  unknownLogins: string[];
  /** `outside ÷ merged`, 0–1; null when nothing was merged. */
  crossTeamRatio: number | null;
  /** The teams outside contributions came from, most first. */
  contributingTeams: Array<{ team: string; merged: number }>;
  /**
   * Median hours to the first response on outside contributions opened in the
   * window; an unanswered one counts with the hours it has waited so far.
   * Null when there was no outside contribution to respond to.
   */
  medianFirstResponseHours: number | null;
  /** Outside contributions the median is over. */
  responseSamples: number;
  /** True when the host had more pull requests than were read: counts are lower bounds. */
  truncated: boolean;
};

/**
 * The code-host part of an entity's scorecard, as the API returns it beside
 * the checks: where the facts come from, how old they are and what the
 * contributions show.
 *
 * @public
 */
export type EntityCodeHostSummary = {
  /**
   * - `fresh`: facts were read and are within the maximum age;
   * - `expired`: the last good facts are older than the maximum age and no
   *   longer count (the checks say `not-reported`);
   * - `pending`: the repository is known but has not been read yet;
   * - `unavailable`: no provider can read it (`reason` says why).
   */
  status: 'fresh' | 'expired' | 'pending' | 'unavailable';
  /** Why the facts are missing or old, with the fix, e.g. `github.com/project-slug "foo" is not "owner/name"`. */
  reason?: string;
  repository?: CodeHostRepository;
  /** ISO 8601 time of the last good read. */
  readAt?: string;
  /** ISO 8601 time of the last attempt, when it failed after `readAt`. */
  lastFailureAt?: string;
  /** What went wrong in that attempt, e.g. `GitHub answered 403 (rate limit) until 14:05 UTC`. */
  lastFailure?: string;
  lastCommitAt?: string | null;
  /** Open issues with any of the entity's `innersource/issue-labels`. */
  openIssues?: number;
  /** The newest few of them, newest first. */
  newestIssues?: CodeHostIssue[];
  contributions?: ContributionSummary;
};

/**
 * The code-host facts of one board item: its live issues.
 *
 * @public
 */
export type BoardCodeHostFacts = {
  repositoryUrl: string;
  /** Open issues with any of the entity's issue labels. */
  openIssues: number;
  /** The newest few, newest first. */
  newestIssues: CodeHostIssue[];
  lastCommitAt?: string | null;
  /** ISO 8601 time the facts were read. */
  readAt: string;
};
