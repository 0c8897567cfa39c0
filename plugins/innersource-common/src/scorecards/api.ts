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
};
