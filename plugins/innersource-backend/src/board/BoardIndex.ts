import {
  BoardCodeHostFacts,
  CONTRIBUTION_TYPES,
  ContributionType,
} from '@innersource/backstage-plugin-innersource-common';
import { EntityRefIds } from '../lib/EntityRefIds';
import { compareKeys, encodeCursor, SortKey, sortsByScore } from './cursor';
import { searchWords, TEXT_FIELDS, TextIndex } from './TextIndex';
import {
  BoardFacets,
  BoardFacetValue,
  BoardItem,
  BoardQuery,
  StoredBoardEntry,
} from './types';

/** The facets, in the order of their bit in a filter mask. */
const FACETS = [
  'skills',
  'contributionTypes',
  'owners',
  'systems',
  'domains',
  'tags',
] as const;
const TYPES = 1;
/** The bit of the `issues` filter in a filter mask, after the facets' bits. */
const ISSUES = 1 << FACETS.length;

/** At most this many values of a facet are returned (the most frequent), plus the selected ones. */
export const MAX_FACET_VALUES = 100;

/** How much a query word counts in each field, for the relevance sort. */
const SCORE_BY_FIELDS = Array.from(
  { length: 16 },
  (_, fields) =>
    (fields & TEXT_FIELDS.title ? 4 : 0) +
    (fields & TEXT_FIELDS.skills ? 3 : 0) +
    (fields & TEXT_FIELDS.asks ? 2 : 0) +
    (fields & TEXT_FIELDS.description ? 1 : 0),
);

// Plain lower case: the same as 'en-US', and much faster over thousands of strings.
const lower = (value: string) => value.toLowerCase();

/** Strings of one facet and their numbers, so that counting is adding to an array. */
class FacetValues {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  add(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  get(value: string): number | undefined {
    return this.ids.get(value);
  }
}

type IndexedEntry = {
  /** Stable id of the entity ref (see EntityRefIds). */
  id: number;
  entry: StoredBoardEntry;
  titleKey: string;
  asksUpdatedAtMs: number;
  /** Facet value ids, by facet; contribution types as declared. */
  facetIds: number[][];
  /** Declared contribution types and those of the asks, while the asks are current. */
  typeIdsWithAsks: number[];
};

/**
 * Lists of numbers, one per entry position, in one array: the list of position
 * `p` is `values[start[p]]` to `values[start[p + 1] - 1]`. Requests walk the
 * entries in sort order, so their data is kept in few flat arrays rather than
 * in thousands of objects.
 */
class Lists {
  readonly start: Int32Array;
  readonly values: Int32Array;

  constructor(lists: number[][]) {
    this.start = new Int32Array(lists.length + 1);
    lists.forEach((list, p) => {
      this.start[p + 1] = this.start[p] + list.length;
    });
    this.values = Int32Array.from(lists.flat());
  }
}

/**
 * The code-host facts of the board's entities as loaded at one moment (the
 * stored scorecards' live issues): a new object whenever the facts change, so
 * that the board knows to work out again what depends on them.
 */
export type LoadedCodeHostFacts = {
  codeHostFactsOf(entityRef: string): BoardCodeHostFacts | undefined;
};

/**
 * What depends on the day and on the code-host facts: which asks have
 * expired, the live issues, the orders, the items and the kept scans. Worked
 * out again when either changes.
 */
type ViewState = {
  day: string;
  codeHost: LoadedCodeHostFacts | undefined;
  expired: Uint8Array;
  askCount: Int32Array;
  /** Per position: the code-host facts, when there are fresh ones. */
  facts: Array<BoardCodeHostFacts | undefined>;
  /** Per position: open issues, or -1 without facts. */
  openIssues: Int32Array;
  /** Whether any entry has code-host facts. */
  hasFacts: boolean;
  orders: Map<string, Int32Array>;
  /** Items as served, by position: the same object for every caller. */
  items: Array<BoardItem | undefined>;
  /** Query scans kept for callers with the same visibility key. */
  scans: Map<string, QueryScan>;
};

/**
 * What the board shows one caller: the entries they may read. Callers whose
 * visibility has the same `key` may read the same entries, so the board can
 * share the work of a query between them.
 */
export type BoardVisibility = ((entityId: number) => boolean) & {
  readonly key?: string;
};

/** Filtered, ordered and counted matches of a query, before paging. */
type QueryScan = {
  /** The matching positions, in the query's order. */
  matches: Int32Array;
  /** When the order depends on free text: each match's relevance. */
  scores?: Int32Array;
  facets: BoardFacets;
  /** Matches with open issues, the `issues` filter left out; set when any entry has facts. */
  itemsWithIssues?: number;
};

/** Scans kept per index; a scan costs about a pass over the entries. */
const MAX_CACHED_SCANS = 128;

export type BoardIndexQueryOptions = {
  now: Date;
  isVisible: BoardVisibility;
  /** The live issues of the entries; without them, items show none. */
  codeHost?: LoadedCodeHostFacts;
  limit: number;
  /** The key of the last item of the previous page. */
  after?: SortKey;
};

/** The items of a board query without paging (for exports). */
export type BoardExport = { items: BoardItem[]; totalItems: number };

/** A query made ready for the pass over the entries. */
type PreparedQuery = {
  day: ViewState;
  isVisible: BoardVisibility;
  hasIssues: boolean;
  /** Per query word: the fields of each entry in which it occurs. */
  termFields: Uint8Array[];
  /** Facets with a filter, and per facet the selected value ids as flags. */
  activeFacets: number[];
  selected: Uint8Array[];
};

/** `YYYY-MM-DD` of the UTC day of `now`. */
function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The help-wanted board in memory, built once per change of the stored entries
 * and queried by every request: permission, filters, free text, sort, keyset
 * paging and facets in one pass over the entries, without per-entry allocations.
 *
 * Free text matches word beginnings: every word of the query must begin a word of
 * the entry's title, name, description, skills or current asks.
 *
 * Asks expire when they are read: an entry whose `asksValidUntil` is before the
 * UTC day of `now` shows no asks, and its asks neither match nor count.
 */
export class BoardIndex {
  /** The entities of all entries, for asking what a caller may read. */
  readonly entities: ReadonlyArray<{ id: number; entityRef: string }>;

  private readonly entries: IndexedEntry[];
  private readonly positions: Map<string, number>;
  private readonly facetValues = FACETS.map(() => new FacetValues());
  private readonly text: TextIndex;
  /** Positions ordered by title, then entity ref: every sort's last criteria. */
  private readonly byTitle: Int32Array;
  /** The place of each position in `byTitle`. */
  private readonly titleRank: Int32Array;
  private readonly maxAsks: number;
  /**
   * Facet values share one array of counters: facet `f` has the counters from
   * `counterBase[f]` to `counterBase[f + 1]`, in the order of its value ids.
   */
  private readonly counterBase: Int32Array;
  /** The place of each counter's value among its facet's values, alphabetically. */
  private readonly counterValueRank: Int32Array;
  /** Per position: the entity id. */
  private readonly entityIdAt: Int32Array;
  /** Per facet and position: the facet's value ids, contribution types as declared. */
  private readonly facetIdLists: Lists[];
  /** Per position: declared contribution types and those of the asks. */
  private readonly typeIdsWithAsks: Lists;
  /** Per position: the counters of all its facet values, types as declared. */
  private readonly counterLists: Lists;
  /** Per position: the counters of the types only its asks bring. */
  private readonly askTypeCounterLists: Lists;
  private viewState?: ViewState;

  constructor(entries: StoredBoardEntry[], ids: EntityRefIds) {
    for (const type of CONTRIBUTION_TYPES) {
      this.facetValues[TYPES].add(type);
    }
    this.entries = entries.map(entry => this.indexEntry(entry, ids));
    this.entities = this.entries.map(e => ({
      id: e.id,
      entityRef: e.entry.entityRef,
    }));
    this.positions = new Map(
      this.entries.map((e, pos) => [e.entry.entityRef, pos]),
    );
    this.text = new TextIndex(this.entries.length, pos => {
      const { entry } = this.entries[pos];
      return [
        [TEXT_FIELDS.title, `${entry.title ?? ''} ${entry.name}`],
        [TEXT_FIELDS.skills, entry.skills.join(' ')],
        [TEXT_FIELDS.asks, entry.asks.map(ask => ask.text).join(' ')],
        [TEXT_FIELDS.description, entry.description ?? ''],
      ];
    });

    this.byTitle = Int32Array.from(this.entries.keys()).sort((a, b) =>
      compareKeys(this.titleKeyOf(a), this.titleKeyOf(b)),
    );
    this.titleRank = new Int32Array(this.entries.length);
    this.byTitle.forEach((pos, rank) => {
      this.titleRank[pos] = rank;
    });
    this.maxAsks = this.entries.reduce(
      (max, e) => Math.max(max, e.entry.asks.length),
      0,
    );

    this.counterBase = new Int32Array(FACETS.length + 1);
    this.facetValues.forEach((values, f) => {
      this.counterBase[f + 1] = this.counterBase[f] + values.values.length;
    });
    this.counterValueRank = new Int32Array(this.counterBase[FACETS.length]);
    this.facetValues.forEach(({ values }, f) => {
      const alphabetical = [...values.keys()].sort((a, b) =>
        compareKeys([values[a]], [values[b]]),
      );
      alphabetical.forEach((id, rank) => {
        this.counterValueRank[this.counterBase[f] + id] = rank;
      });
    });

    this.entityIdAt = Int32Array.from(this.entries, e => e.id);
    this.facetIdLists = FACETS.map(
      (_, f) => new Lists(this.entries.map(e => e.facetIds[f])),
    );
    this.typeIdsWithAsks = new Lists(this.entries.map(e => e.typeIdsWithAsks));
    this.counterLists = new Lists(
      this.entries.map(e =>
        e.facetIds.flatMap((facetIds, f) =>
          facetIds.map(id => this.counterBase[f] + id),
        ),
      ),
    );
    this.askTypeCounterLists = new Lists(
      this.entries.map(e =>
        e.typeIdsWithAsks
          .filter(id => !e.facetIds[TYPES].includes(id))
          .map(id => this.counterBase[TYPES] + id),
      ),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  /** One entry as an item, regardless of who asks: check visibility first. */
  item(
    entityRef: string,
    now: Date,
    codeHost?: LoadedCodeHostFacts,
  ): BoardItem | undefined {
    const pos = this.positions.get(entityRef);
    return pos === undefined
      ? undefined
      : this.toItem(pos, this.stateOf(now, codeHost));
  }

  /** One page of the board for a caller, with the total and the facets. */
  query(
    query: BoardQuery,
    options: BoardIndexQueryOptions,
  ): {
    items: BoardItem[];
    totalItems: number;
    nextCursor?: string;
    facets: BoardFacets;
    itemsWithIssues?: number;
  } {
    const day = this.stateOf(options.now, options.codeHost);
    const { matches, scores, facets, itemsWithIssues } = this.scan(
      query,
      day,
      options,
    );
    const keyAt = (i: number) =>
      this.keyOf(matches[i], day, query, scores ? scores[i] : 0);
    const start = options.after
      ? firstAfter(matches.length, keyAt, options.after)
      : 0;
    const end = Math.min(matches.length, start + options.limit);
    return {
      items: Array.from(matches.subarray(start, end), pos =>
        this.toItem(pos, day),
      ),
      totalItems: matches.length,
      nextCursor:
        end < matches.length && end > start
          ? encodeCursor(query, keyAt(end - 1))
          : undefined,
      facets,
      ...(itemsWithIssues !== undefined ? { itemsWithIssues } : {}),
    };
  }

  /** All matching items in the query's order, up to `max`, and how many there are. */
  export(
    query: BoardQuery,
    options: {
      now: Date;
      isVisible: BoardVisibility;
      max: number;
      codeHost?: LoadedCodeHostFacts;
    },
  ): BoardExport {
    const day = this.stateOf(options.now, options.codeHost);
    const { matches } = this.scan(query, day, options);
    return {
      items: Array.from(matches.subarray(0, options.max), pos =>
        this.toItem(pos, day),
      ),
      totalItems: matches.length,
    };
  }

  /**
   * The matches and facets of a query for one visibility. Kept for callers
   * with the same visibility key (in practice, most people read the same
   * entities), so that paging and repeated views cost a lookup; the index is
   * rebuilt when the board changes, and its view state when the day or the
   * code-host facts change, which drops them.
   */
  private scan(
    query: BoardQuery,
    day: ViewState,
    options: { isVisible: BoardVisibility },
  ): QueryScan {
    const visibilityKey = options.isVisible.key;
    const cacheKey =
      visibilityKey === undefined
        ? undefined
        : JSON.stringify([
            visibilityKey,
            query.sort,
            Boolean(query.hasIssues),
            [...new Set(searchWords(query.text))].sort(),
            this.selectionsOf(query).map(values => [...new Set(values)].sort()),
          ]);
    const { scans } = day;
    if (cacheKey !== undefined) {
      const cached = scans.get(cacheKey);
      if (cached) {
        // Re-inserting keeps the map in least-recently-used order.
        scans.delete(cacheKey);
        scans.set(cacheKey, cached);
        return cached;
      }
    }
    const prepared = this.prepare(query, { day, isVisible: options.isVisible });
    // One counter per facet value, then the matches with open issues.
    const withIssues = this.counterBase[FACETS.length];
    const counts = new Int32Array(withIssues + 1);
    const scan: QueryScan = {
      ...(sortsByScore(query)
        ? this.matchByScore(query, prepared, counts)
        : this.matchInOrder(query, prepared, counts)),
      facets: Object.fromEntries(
        FACETS.map((name, f) => [name, this.facetList(f, counts, query)]),
      ) as BoardFacets,
      ...(day.hasFacts ? { itemsWithIssues: counts[withIssues] } : {}),
    };
    if (cacheKey !== undefined) {
      scans.set(cacheKey, scan);
      if (scans.size > MAX_CACHED_SCANS) {
        scans.delete(scans.keys().next().value!);
      }
    }
    return scan;
  }

  private indexEntry(entry: StoredBoardEntry, ids: EntityRefIds): IndexedEntry {
    const [skills, types, owners, systems, domains, tags] = this.facetValues;
    const declared = [...new Set(entry.contributionTypes)];
    const withAsks = new Set<ContributionType>(declared);
    for (const ask of entry.asks) {
      if (ask.type) {
        withAsks.add(ask.type);
      }
    }
    const unique = (values: string[]) => [...new Set(values.map(lower))];
    const one = (values: FacetValues, value?: string) =>
      value ? [values.add(lower(value))] : [];
    return {
      id: ids.idOf(entry.entityRef),
      entry,
      titleKey: lower(entry.title ?? entry.name),
      asksUpdatedAtMs: entry.asksUpdatedAt.getTime(),
      facetIds: [
        unique(entry.skills).map(skill => skills.add(skill)),
        declared.map(type => types.add(type)),
        one(owners, entry.owner),
        one(systems, entry.system),
        one(domains, entry.domain),
        unique(entry.tags).map(tag => tags.add(tag)),
      ],
      typeIdsWithAsks: [...withAsks].map(type => types.add(type)),
    };
  }

  private titleKeyOf(pos: number): SortKey {
    const e = this.entries[pos];
    return [e.titleKey, e.entry.entityRef];
  }

  private stateOf(now: Date, codeHost?: LoadedCodeHostFacts): ViewState {
    const day = utcDay(now);
    const state = this.viewState;
    if (state?.day !== day || state.codeHost !== codeHost) {
      const n = this.entries.length;
      const expired = new Uint8Array(n);
      const askCount = new Int32Array(n);
      const facts = new Array<BoardCodeHostFacts | undefined>(n);
      const openIssues = new Int32Array(n);
      let hasFacts = false;
      this.entries.forEach((e, pos) => {
        const until = e.entry.asksValidUntil;
        // ISO dates compare as strings: the asks are valid through their last day.
        expired[pos] = until !== undefined && until < day ? 1 : 0;
        askCount[pos] = expired[pos] ? 0 : e.entry.asks.length;
        facts[pos] = codeHost?.codeHostFactsOf(e.entry.entityRef);
        openIssues[pos] = facts[pos]?.openIssues ?? -1;
        hasFacts ||= facts[pos] !== undefined;
      });
      this.viewState = {
        day,
        codeHost,
        expired,
        askCount,
        facts,
        openIssues,
        hasFacts,
        orders: new Map(),
        items: new Array(n),
        scans: new Map(),
      };
    }
    return this.viewState!;
  }

  private prepare(
    query: BoardQuery,
    options: { day: ViewState; isVisible: BoardVisibility },
  ): PreparedQuery {
    const terms = [...new Set(searchWords(query.text))];
    const activeFacets: number[] = [];
    const selected = this.selectionsOf(query).map((values, f) => {
      const flags = new Uint8Array(this.facetValues[f].values.length);
      if (values.length > 0) {
        activeFacets.push(f);
      }
      for (const value of values) {
        const id = this.facetValues[f].get(value);
        if (id !== undefined) {
          flags[id] = 1;
        }
      }
      return flags;
    });
    return {
      day: options.day,
      isVisible: options.isVisible,
      hasIssues: Boolean(query.hasIssues),
      termFields: terms.map(term => this.text.match(term)),
      activeFacets,
      selected,
    };
  }

  /** The selected values of each facet, spelled as the facet spells them. */
  private selectionsOf(query: BoardQuery): string[][] {
    return [
      query.skills.map(lower),
      query.contributionTypes,
      query.ownerRefs.map(lower),
      query.systemRefs.map(lower),
      query.domainRefs.map(lower),
      query.tags.map(lower),
    ];
  }

  /**
   * The relevance of an entry to the free text: -1 when a word is missing, else
   * the weight of the fields the words were found in (0 without free text).
   */
  private scoreOf(pos: number, q: PreparedQuery): number {
    const asksCount = q.day.expired[pos] === 0;
    let score = 0;
    for (let t = 0; t < q.termFields.length; t++) {
      let fields = q.termFields[t][pos];
      if (!asksCount) {
        fields &= ~TEXT_FIELDS.asks;
      }
      if (fields === 0) {
        return -1;
      }
      score += SCORE_BY_FIELDS[fields];
    }
    return score;
  }

  /** The value ids of a facet of an entry; contribution types with those of current asks. */
  private idsOf(pos: number, f: number, q: PreparedQuery): Lists {
    return f === TYPES && q.day.expired[pos] === 0
      ? this.typeIdsWithAsks
      : this.facetIdLists[f];
  }

  /** The filters that an entry fails, as bits: the facets', then {@link ISSUES}. */
  private failedFacets(pos: number, q: PreparedQuery): number {
    let mask = q.hasIssues && !(q.day.openIssues[pos] > 0) ? ISSUES : 0;
    for (let a = 0; a < q.activeFacets.length; a++) {
      const f = q.activeFacets[a];
      const { start, values } = this.idsOf(pos, f, q);
      const flags = q.selected[f];
      let hit = false;
      for (let k = start[pos]; k < start[pos + 1] && !hit; k++) {
        hit = flags[values[k]] === 1;
      }
      if (!hit) {
        mask |= 1 << f;
      }
    }
    return mask;
  }

  /**
   * Counts an entry in the facets: in all of them when it passes every filter;
   * when it fails one filter only, in that filter's facet, whose counts leave
   * its own filter out. The matches with open issues are counted the same way,
   * in the counter after the facets'.
   */
  private countFacets(
    pos: number,
    mask: number,
    q: PreparedQuery,
    counts: Int32Array,
  ) {
    if ((mask & ~ISSUES) === 0 && q.day.openIssues[pos] > 0) {
      counts[this.counterBase[FACETS.length]]++;
    }
    if (mask === ISSUES) {
      return;
    }
    if (mask === 0) {
      const all = this.counterLists;
      for (let k = all.start[pos]; k < all.start[pos + 1]; k++) {
        counts[all.values[k]]++;
      }
      if (q.day.expired[pos] === 0) {
        const asks = this.askTypeCounterLists;
        for (let k = asks.start[pos]; k < asks.start[pos + 1]; k++) {
          counts[asks.values[k]]++;
        }
      }
    } else if ((mask & (mask - 1)) === 0) {
      const f = Math.log2(mask);
      const base = this.counterBase[f];
      const { start, values } = this.idsOf(pos, f, q);
      for (let k = start[pos]; k < start[pos + 1]; k++) {
        counts[base + values[k]]++;
      }
    }
  }

  /** The key of an entry in the cursor: the sort's criteria, then title and ref. */
  private keyOf(
    pos: number,
    day: ViewState,
    query: BoardQuery,
    score: number,
  ): SortKey {
    const e = this.entries[pos];
    const tail = [e.titleKey, e.entry.entityRef];
    const asks = day.askCount[pos];
    const relevance = sortsByScore(query) ? [-score, -asks] : [-asks];
    switch (query.sort) {
      case 'newest':
        return [this.newestKey(pos, day), ...tail];
      case 'most-active':
        return [this.activeKey(pos, day), ...tail];
      case 'most-issues':
        return [this.issuesKey(pos, day), ...relevance, ...tail];
      default:
        return [...relevance, ...tail];
    }
  }

  /** Most recently changed asks first; entries without current asks last. */
  private newestKey(pos: number, day: ViewState): number {
    return day.askCount[pos] > 0 ? -this.entries[pos].asksUpdatedAtMs : 1;
  }

  /** Latest commit first; entries without facts or commits last. */
  private activeKey(pos: number, day: ViewState): number {
    const at = day.facts[pos]?.lastCommitAt;
    const ms = at ? Date.parse(at) : Number.NaN;
    return Number.isNaN(ms) ? 1 : -ms;
  }

  /** Most open issues first; entries without facts after those with none. */
  private issuesKey(pos: number, day: ViewState): number {
    const issues = day.openIssues[pos];
    return issues < 0 ? 1 : -issues;
  }

  /** All positions in the order of a sort that does not depend on free text. */
  private orderOf(query: BoardQuery, day: ViewState): Int32Array {
    const name = query.sort === 'relevance' ? 'most-asks' : query.sort;
    let order = day.orders.get(name);
    if (!order) {
      const keyOf: Record<string, (pos: number) => number> = {
        newest: pos => this.newestKey(pos, day),
        'most-active': pos => this.activeKey(pos, day),
        'most-issues': pos => this.issuesKey(pos, day),
      };
      const first = Float64Array.from(
        this.entries.keys(),
        keyOf[name] ?? (pos => -day.askCount[pos]),
      );
      // Ties of most-issues go by relevance, which without free text is asks.
      const second = Float64Array.from(this.entries.keys(), pos =>
        name === 'most-issues' ? -day.askCount[pos] : 0,
      );
      order = Int32Array.from(this.entries.keys()).sort(
        (a, b) =>
          first[a] - first[b] ||
          second[a] - second[b] ||
          this.titleRank[a] - this.titleRank[b],
      );
      day.orders.set(name, order);
    }
    return order;
  }

  /** Sorts that do not depend on free text walk a precomputed order. */
  private matchInOrder(
    query: BoardQuery,
    q: PreparedQuery,
    counts: Int32Array,
  ): Pick<QueryScan, 'matches'> {
    const order = this.orderOf(query, q.day);
    const matches = new Int32Array(order.length);
    let found = 0;
    for (let i = 0; i < order.length; i++) {
      const pos = order[i];
      if (!q.isVisible(this.entityIdAt[pos]) || this.scoreOf(pos, q) < 0) {
        continue;
      }
      const mask = this.failedFacets(pos, q);
      this.countFacets(pos, mask, q, counts);
      if (mask === 0) {
        matches[found++] = pos;
      }
    }
    return { matches: matches.slice(0, found) };
  }

  /**
   * Relevance to free text: matches are ranked by one number each that orders
   * like (score desc, asks desc, title, ref), so the native numeric sort does
   * the work. With most-issues, open issues come first.
   */
  private matchByScore(
    query: BoardQuery,
    q: PreparedQuery,
    counts: Int32Array,
  ): Pick<QueryScan, 'matches' | 'scores'> {
    const matchPos: number[] = [];
    const matchScore: number[] = [];
    let maxScore = 0;
    for (let pos = 0; pos < this.entries.length; pos++) {
      if (!q.isVisible(this.entityIdAt[pos])) {
        continue;
      }
      const score = this.scoreOf(pos, q);
      if (score < 0) {
        continue;
      }
      const mask = this.failedFacets(pos, q);
      this.countFacets(pos, mask, q, counts);
      if (mask === 0) {
        matchPos.push(pos);
        matchScore.push(score);
        maxScore = Math.max(maxScore, score);
      }
    }

    if (query.sort === 'most-issues') {
      return this.byIssuesThenScore(matchPos, matchScore, q.day);
    }

    const n = this.entries.length;
    const asksRange = this.maxAsks + 1;
    const sorted = Float64Array.from(matchPos, (pos, m) => {
      const asks = q.day.askCount[pos];
      return (
        ((maxScore - matchScore[m]) * asksRange + (this.maxAsks - asks)) * n +
        this.titleRank[pos]
      );
    }).sort();
    return {
      matches: Int32Array.from(sorted, key => this.byTitle[key % n]),
      scores: Int32Array.from(
        sorted,
        key => maxScore - Math.floor(Math.floor(key / n) / asksRange),
      ),
    };
  }

  /**
   * Matches with free text under most-issues: (open issues desc, score desc,
   * asks desc, title, ref). Issue counts have no small bound, so a plain
   * comparison sorts them rather than one packed number.
   */
  private byIssuesThenScore(
    matchPos: number[],
    matchScore: number[],
    day: ViewState,
  ): Pick<QueryScan, 'matches' | 'scores'> {
    const order = Int32Array.from(matchPos.keys()).sort((a, b) => {
      const pa = matchPos[a];
      const pb = matchPos[b];
      return (
        this.issuesKey(pa, day) - this.issuesKey(pb, day) ||
        matchScore[b] - matchScore[a] ||
        day.askCount[pb] - day.askCount[pa] ||
        this.titleRank[pa] - this.titleRank[pb]
      );
    });
    return {
      matches: Int32Array.from(order, m => matchPos[m]),
      scores: Int32Array.from(order, m => matchScore[m]),
    };
  }

  private facetList(
    f: number,
    counts: Int32Array,
    query: BoardQuery,
  ): BoardFacetValue[] {
    const { values } = this.facetValues[f];
    const base = this.counterBase[f];
    const rank = this.counterValueRank;
    const counters: number[] = [];
    for (let c = base; c < this.counterBase[f + 1]; c++) {
      if (counts[c] > 0) {
        counters.push(c);
      }
    }
    counters.sort((a, b) => counts[b] - counts[a] || rank[a] - rank[b]);
    const shown = counters
      .slice(0, MAX_FACET_VALUES)
      .map(c => ({ value: values[c - base], count: counts[c] }));
    // Selected values are always listed, so that they can be shown as selected.
    for (const value of new Set(this.selectionsOf(query)[f])) {
      if (!shown.some(v => v.value === value)) {
        const id = this.facetValues[f].get(value);
        shown.push({ value, count: id === undefined ? 0 : counts[base + id] });
      }
    }
    return shown;
  }

  private toItem(pos: number, day: ViewState): BoardItem {
    let item = day.items[pos];
    if (!item) {
      const { entry } = this.entries[pos];
      const asksExpired = day.expired[pos] === 1;
      const codeHost = day.facts[pos];
      item = {
        ...entry,
        asks: asksExpired ? [] : entry.asks,
        asksExpired,
        asksUpdatedAt: entry.asksUpdatedAt.toISOString(),
        updatedAt: entry.updatedAt.toISOString(),
        ...(codeHost ? { codeHost } : {}),
      };
      day.items[pos] = item;
    }
    return item;
  }
}

/**
 * The first index in a sorted range whose key comes after `key` (or, with
 * `orEqual`, is not before it).
 */
function firstAfter(
  length: number,
  keyAt: (index: number) => SortKey,
  key: SortKey,
  orEqual = false,
): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareKeys(keyAt(mid), key);
    if (order < 0 || (order === 0 && !orEqual)) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
