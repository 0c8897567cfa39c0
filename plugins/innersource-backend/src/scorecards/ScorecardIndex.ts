import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BoardCodeHostFacts,
  EntityScorecard,
  ScorecardOverviewSort,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';
import { EntityRefIds } from '../lib/EntityRefIds';
import { lowerCase } from '../lib/lowerCase';
import { RevisionedSnapshot } from '../lib/RevisionedSnapshot';
import { ScorecardStore, StoredScorecardSummary } from './ScorecardStore';
import { boardCodeHostFactsOf } from './scorecardSummary';

/**
 * A stored scorecard as the index holds it: its summary. The full scorecard
 * (every result with its evidence) stays in the store until an entity's page
 * asks for it, which keeps the index small and its reload cheap.
 */
export type IndexedScorecard = {
  /** A small number for the entity ref, stable for the life of the process. */
  id: number;
  entityRef: string;
  /** With `contributions` when the code host reported them and they are fresh. */
  summary: ScorecardSummary;
  /** The live issues and last commit the board and the badges show, when fresh. */
  codeHost?: BoardCodeHostFacts;
  /** The window of `summary.contributions`, in days. */
  contributionsWindowDays?: number;
};

/**
 * A stored summary as the index holds it: what the board and the badges show
 * of the code-host facts is worked out here, once per load, so that requests
 * only read it. The summary's contribution counts are the store's (fresh
 * facts only); the full code-host summary is not kept.
 */
export function indexedScorecardOf(
  id: number,
  stored: StoredScorecardSummary,
): IndexedScorecard {
  const { codeHost, ...summary } = stored;
  const boardFacts = boardCodeHostFactsOf(codeHost);
  const windowDays = summary.contributions
    ? codeHost?.contributions?.windowDays
    : undefined;
  return {
    id,
    entityRef: stored.entityRef,
    summary,
    ...(boardFacts ? { codeHost: boardFacts } : {}),
    ...(windowDays !== undefined
      ? { contributionsWindowDays: windowDays }
      : {}),
  };
}

/** Plain code-point order, as entity refs are compared elsewhere. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

// One collator for every comparison: String#localeCompare builds one per call.
const nameCollator = new Intl.Collator('en-US', { sensitivity: 'accent' });

const displayName = (entry: IndexedScorecard) =>
  entry.summary.title ?? entry.summary.name;

function byName(a: IndexedScorecard, b: IndexedScorecard): number {
  return (
    nameCollator.compare(displayName(a), displayName(b)) ||
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

const ORDERS: Record<
  ScorecardOverviewSort,
  (a: IndexedScorecard, b: IndexedScorecard) => number
> = {
  'score-desc': byScore(-1),
  'score-asc': byScore(1),
  name: byName,
};

/**
 * The stored scorecards as loaded at one moment, in every order the overview
 * offers. A new object with every load: the board keys what it derives from
 * the code-host facts by it.
 */
export class LoadedScorecards {
  private readonly byRef: Map<string, IndexedScorecard>;
  /** Sorted when the overview first asks: badges and entity pages never do. */
  private readonly orders = new Map<
    ScorecardOverviewSort,
    readonly IndexedScorecard[]
  >();

  constructor(
    /** In no particular order; the same array until the next load. */
    readonly entries: readonly IndexedScorecard[],
  ) {
    this.byRef = new Map(entries.map(entry => [entry.entityRef, entry]));
  }

  get(entityRef: string): IndexedScorecard | undefined {
    return this.byRef.get(lowerCase(entityRef));
  }

  /** The live issues and last commit of an entity, as loaded; undefined without fresh facts. */
  codeHostFactsOf(entityRef: string): BoardCodeHostFacts | undefined {
    return this.get(entityRef)?.codeHost;
  }

  sorted(sort: ScorecardOverviewSort): readonly IndexedScorecard[] {
    let order = this.orders.get(sort);
    if (!order) {
      order = [...this.entries].sort(ORDERS[sort]);
      this.orders.set(sort, order);
    }
    return order;
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
  private readonly store: ScorecardStore;

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
    this.store = store;
    this.snapshot = new RevisionedSnapshot({
      getRevision: () => store.getRevision(),
      load: async () =>
        new LoadedScorecards(
          (await store.listScorecardSummaries()).map(stored =>
            indexedScorecardOf(ids.idOf(stored.entityRef), stored),
          ),
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

  /**
   * The live issues and last commit of an entity's current scorecard;
   * undefined when it has no fresh code-host facts.
   */
  async codeHostFactsOf(
    entityRef: string,
  ): Promise<BoardCodeHostFacts | undefined> {
    return (await this.snapshot.current()).codeHostFactsOf(entityRef);
  }

  /**
   * The current scorecard of an entity, read from the store; undefined when
   * the index has none for it.
   */
  async scorecardOf(entityRef: string): Promise<EntityScorecard | undefined> {
    const entry = (await this.snapshot.current()).get(entityRef);
    return entry ? this.store.getScorecard(entry.entityRef) : undefined;
  }

  /** Every stored scorecard, with its id and summary, and the orders of the overview. */
  async current(): Promise<LoadedScorecards> {
    return this.snapshot.current();
  }

  /** The id of an entity ref, as the index's entries carry it. */
  idOf(entityRef: string): number {
    return this.ids.idOf(lowerCase(entityRef));
  }

  /** Loads the scorecards again, e.g. right after this replica wrote. */
  async reload(): Promise<void> {
    await this.snapshot.reload();
  }
}
