import { ContributionSummary, EntityCodeHostSummary } from '../codehost/types';
import { Scorecard, ScorecardCheck, ScorecardLevel } from './types';

/**
 * The scorecard API types, shared by innersource-backend (which serves them
 * under `/api/innersource`) and the frontend plugin (which reads them).
 */

/**
 * The body of `GET /checks`: the checks as configured (enabled ones only, with
 * configured weights, levels and docs links), in order, and the levels.
 *
 * @public
 */
export type ScorecardChecksResponse = {
  checks: ScorecardCheck[];
  levels: ScorecardLevel[];
};

/**
 * The catalog fields stored beside a scorecard, so that lists need no catalog
 * call to show them.
 *
 * @public
 */
export type ScoredEntity = {
  /** Full, lower-case entity ref, e.g. `component:default/payments-gateway`. */
  entityRef: string;
  /** Kind, namespace and name as the catalog spells them. */
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** The full ref `spec.owner` resolves to, e.g. `group:default/payments`. */
  owner?: string;
};

/**
 * The body of `GET /scorecards/:kind/:namespace/:name`: the stored scorecard
 * of one entity.
 *
 * @public
 */
export type EntityScorecard = Scorecard &
  ScoredEntity & {
    /** ISO 8601 time of the scoring that produced it. */
    computedAt: string;
    /**
     * Where the code-host facts behind the scorecard come from, how old they
     * are, and what the contributions show. Absent in scorecards stored
     * before code-host facts existed.
     */
    codeHost?: EntityCodeHostSummary;
  };

/**
 * One day of an entity's scorecard history: the last scoring of that day (UTC).
 *
 * @public
 */
export type ScorecardHistoryPoint = {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  score: number | null;
  /** The id of the level held that day; undefined when none was. */
  level?: string;
};

/**
 * The body of `GET /scorecards/:kind/:namespace/:name/history`: oldest first,
 * at most one point a day, as far back as the configured retention.
 *
 * @public
 */
export type ScorecardHistory = {
  entityRef: string;
  points: ScorecardHistoryPoint[];
};

/**
 * One entity in the scorecard overview.
 *
 * @public
 */
export type ScorecardSummary = ScoredEntity & {
  level?: string;
  score: number | null;
  /** The first level not held and the checks that stand in its way. */
  nextLevel?: Scorecard['nextLevel'];
  /** Ids of the applicable checks that fail, in the order of the checks. */
  failingChecks: string[];
  computedAt: string;
  /** What the entity's contributions show, when the code host reported them. */
  contributions?: ScorecardContributionCounts;
};

/**
 * Merged contributions to one entity over the window, as the overview counts
 * them: a few numbers of {@link ContributionSummary}.
 *
 * @public
 */
export type ScorecardContributionCounts = {
  merged: number;
  outside: number;
  unknown: number;
  /** The teams outside contributions came from (full group refs) and how many each. */
  contributingTeams: Array<{ team: string; merged: number }>;
};

/**
 * The roll-up of one owning team: its scored entities that the caller may read.
 *
 * @public
 */
export type TeamScorecardRollup = {
  /** Full ref of the owner, e.g. `group:default/payments`. */
  owner: string;
  entities: number;
  /** Mean of the entities' scores, rounded; null when none has a score. */
  averageScore: number | null;
  /** How many entities hold each level, by level id; `none` for no level. */
  levels: Record<string, number>;
  /**
   * Cross-team work of this team, over entities the caller may read:
   * `made` is merged contributions of the team's members to entities other
   * teams own, `received` is merged contributions from other teams to the
   * team's entities. Absent when no entity involved has code-host facts.
   */
  contributions?: { made: number; received: number };
};

/**
 * The organisation's cross-team ratio over the entities the caller may read:
 * outside-team merged contributions ÷ all merged contributions.
 *
 * @public
 */
export type CrossTeamTotals = {
  merged: number;
  outside: number;
  /** Merged by authors who map to no catalog user: in `merged`, not in `outside`. */
  unknown: number;
  /** `outside ÷ merged`, 0–1; null when nothing was merged. */
  ratio: number | null;
  /** Entities whose contributions were reported, of those counted. */
  entitiesReported: number;
  /** The window in days. */
  windowDays: number;
  /**
   * Who contributed to whom: merged contributions credited to team `from` on
   * entities team `to` owns, most first (at most 50). Absent in answers of
   * older backends.
   */
  pairs?: Array<{ from: string; to: string; merged: number }>;
};

/** @public */
export type ScorecardOverviewSort = 'score-desc' | 'score-asc' | 'name';

/**
 * The orders `GET /scorecards` knows, the first being the default.
 *
 * @public
 */
export const SCORECARD_OVERVIEW_SORTS: readonly ScorecardOverviewSort[] = [
  'score-desc',
  'score-asc',
  'name',
];

/** The page size of `GET /scorecards` when no `limit` is given. @public */
export const DEFAULT_SCORECARD_OVERVIEW_PAGE_SIZE = 20;

/** The largest `limit` that `GET /scorecards` accepts. @public */
export const MAX_SCORECARD_OVERVIEW_PAGE_SIZE = 100;

/**
 * The body of `GET /scorecards`: the entities the caller may read, filtered
 * (`level`, `owner`), sorted (`sort`) and paged (`limit`, `offset`), and the
 * roll-up per owning team over the same filtered set.
 *
 * @public
 */
export type ScorecardOverview = {
  items: ScorecardSummary[];
  totalItems: number;
  teams: TeamScorecardRollup[];
  levels: ScorecardLevel[];
  /** Over the same filtered set; absent when no entity has code-host facts. */
  crossTeam?: CrossTeamTotals;
};
