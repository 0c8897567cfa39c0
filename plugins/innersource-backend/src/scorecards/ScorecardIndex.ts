import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityScorecard,
  ScorecardOverviewSort,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';
import { EntityRefIds } from '../board/EntityRefIds';
import { RevisionedSnapshot } from '../database/RevisionedSnapshot';
import { ScorecardStore } from '../database/ScorecardStore';

/** A stored scorecard as the index holds it. */
export type IndexedScorecard = {
  /** A small number for the entity ref, stable for the life of the process. */
  id: number;
  entityRef: string;
  scorecard: EntityScorecard;
  summary: ScorecardSummary;
};

/** The summary of a scorecard, as lists and badges show it. */
export function summaryOf(scorecard: EntityScorecard): ScorecardSummary {
  return {
    entityRef: scorecard.entityRef,
    kind: scorecard.kind,
    namespace: scorecard.namespace,
    name: scorecard.name,
    ...(scorecard.title !== undefined ? { title: scorecard.title } : {}),
    ...(scorecard.owner !== undefined ? { owner: scorecard.owner } : {}),
    ...(scorecard.level !== undefined ? { level: scorecard.level } : {}),
    score: scorecard.score,
    ...(scorecard.nextLevel ? { nextLevel: scorecard.nextLevel } : {}),
    failingChecks: scorecard.results
      .filter(result => result.status === 'fail')
      .map(result => result.checkId),
    computedAt: scorecard.computedAt,
  };
}

/** Plain code-point order, as entity refs are compared elsewhere. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

const displayName = (entry: IndexedScorecard) =>
  (entry.summary.title ?? entry.summary.name).toLocaleLowerCase('en-US');

function byName(a: IndexedScorecard, b: IndexedScorecard): number {
  return (
    displayName(a).localeCompare(displayName(b), 'en-US') ||
    compareText(a.entityRef, b.entityRef)
  );
}

/** By score (`direction` 1 ascending, -1 descending), unscored last, then by name. */
function byScore(direction: 1 | -1) {
  return (a: IndexedScorecard, b: IndexedScorecard): number => {
    const sa = a.summary.score;
    const sb = b.summary.score;
    if (sa !== sb) {
      if (sa === null) {
        return 1;
      }
      if (sb === null) {
        return -1;
      }
      return (sa - sb) * direction;
    }
    return byName(a, b);
  };
}

/** The stored scorecards as loaded at one moment, in every order the overview offers. */
export class LoadedScorecards {
  private readonly byRef: Map<string, IndexedScorecard>;
  private readonly orders: Record<
    ScorecardOverviewSort,
    readonly IndexedScorecard[]
  >;

  constructor(
    /** In no particular order; the same array until the next load. */
    readonly entries: readonly IndexedScorecard[],
  ) {
    this.byRef = new Map(entries.map(entry => [entry.entityRef, entry]));
    this.orders = {
      'score-desc': [...entries].sort(byScore(-1)),
      'score-asc': [...entries].sort(byScore(1)),
      name: [...entries].sort(byName),
    };
  }

  get(entityRef: string): IndexedScorecard | undefined {
    return this.byRef.get(entityRef.toLocaleLowerCase('en-US'));
  }

  sorted(sort: ScorecardOverviewSort): readonly IndexedScorecard[] {
    return this.orders[sort];
  }
}

/**
 * The stored scorecards in memory, so that reading them costs no database
 * call: reloaded right after this replica writes, and within a few seconds of
 * another replica's write (noticed through the store's revision).
 *
 * It does not check read permissions: callers show a scorecard only to whom
 * may read its entity.
 */
export class ScorecardIndex {
  private readonly snapshot: RevisionedSnapshot<LoadedScorecards>;
  private readonly ids: EntityRefIds;

  constructor(options: {
    store: ScorecardStore;
    logger: LoggerService;
    /** Ids for entity refs; shared with the read-permission cache of the callers. */
    ids?: EntityRefIds;
    /** How often to look for another replica's writes; default 5 s. */
    revisionCheckIntervalMs?: number;
    clock?: () => number;
  }) {
    const { store } = options;
    const ids = options.ids ?? new EntityRefIds();
    this.ids = ids;
    this.snapshot = new RevisionedSnapshot({
      getRevision: () => store.getRevision(),
      load: async () =>
        new LoadedScorecards(
          (await store.listScorecards()).map(scorecard => ({
            id: ids.idOf(scorecard.entityRef),
            entityRef: scorecard.entityRef,
            scorecard,
            summary: summaryOf(scorecard),
          })),
        ),
      what: 'the scorecards',
      logger: options.logger,
      revisionCheckIntervalMs: options.revisionCheckIntervalMs,
      clock: options.clock,
    });
  }

  /**
   * The summary of an entity's current scorecard; undefined when it has none.
   *
   * @param entityRef - the full entity ref, e.g. `component:default/payments`
   *   (compared ignoring case).
   */
  async summaryOf(entityRef: string): Promise<ScorecardSummary | undefined> {
    return (await this.snapshot.current()).get(entityRef)?.summary;
  }

  /** The current scorecard of an entity; undefined when it has none. */
  async scorecardOf(entityRef: string): Promise<EntityScorecard | undefined> {
    return (await this.snapshot.current()).get(entityRef)?.scorecard;
  }

  /** Every stored scorecard, with its id and summary, and the orders of the overview. */
  async current(): Promise<LoadedScorecards> {
    return this.snapshot.current();
  }

  /** The id of an entity ref, as the index's entries carry it. */
  idOf(entityRef: string): number {
    return this.ids.idOf(entityRef.toLocaleLowerCase('en-US'));
  }

  /** Loads the scorecards again, e.g. right after this replica wrote. */
  async reload(): Promise<void> {
    await this.snapshot.reload();
  }
}
