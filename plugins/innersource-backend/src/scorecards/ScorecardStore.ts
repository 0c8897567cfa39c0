import {
  EntityCodeHostSummary,
  EntityScorecard,
  ScorecardHistoryPoint,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';

/**
 * A scorecard's summary as the store lists it, with the scorecard's code-host
 * summary when it has one: the scorecard index derives the contribution
 * counts and the board's live issues from it, once per load.
 *
 * @public
 */
export type StoredScorecardSummary = ScorecardSummary & {
  codeHost?: EntityCodeHostSummary;
};

/**
 * Where scorecards are kept: the current one per entity, and one history
 * point per entity and UTC day.
 *
 * @public
 */
export interface ScorecardStore {
  /**
   * Stores each scorecard as its entity's current one and as the history point
   * of the UTC day of its `computedAt` (the last scoring of a day wins). A
   * scorecard older than the one stored is not written. Returns how many
   * scorecards were written.
   */
  saveScorecards(scorecards: EntityScorecard[]): Promise<number>;

  /**
   * Removes the current scorecard and the history of every entity whose ref
   * is not in `keep`: entities that left the catalog or the scored selection.
   * Returns how many entities were removed.
   */
  purgeScorecardsExcept(keep: Iterable<string>): Promise<number>;

  /** Removes history points of days before `day` (`YYYY-MM-DD`); returns how many. */
  pruneHistoryBefore(day: string): Promise<number>;

  /** All current scorecards, in no particular order. */
  listScorecards(): Promise<EntityScorecard[]>;

  /**
   * The summaries of all current scorecards, in no particular order: what
   * lists and badges show, read without the full results, with each one's
   * code-host summary.
   */
  listScorecardSummaries(): Promise<StoredScorecardSummary[]>;

  /** The current scorecard of one entity (full, lower-case ref). */
  getScorecard(entityRef: string): Promise<EntityScorecard | undefined>;

  /** The history of one entity, oldest first. */
  getHistory(entityRef: string): Promise<ScorecardHistoryPoint[]>;

  /**
   * A number that changes with every change of the current scorecards,
   * written by any backend replica; cheap to read.
   */
  getRevision(): Promise<number>;
}
