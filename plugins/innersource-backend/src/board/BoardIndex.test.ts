import {
  BoardCodeHostFacts,
  CONTRIBUTION_TYPES,
} from '@innersource/backstage-plugin-innersource-common';
import { storedEntry } from '../__testUtils__/fixtures';
import { EntityRefIds } from '../lib/EntityRefIds';
import {
  BoardIndex,
  BoardVisibility,
  LoadedCodeHostFacts,
  MAX_FACET_VALUES,
} from './BoardIndex';
import { decodeCursor } from './cursor';
import { BOARD_SORTS, BoardQuery, StoredBoardEntry } from './types';

const NOW = new Date('2026-06-15T12:00:00Z');
const everyone: BoardVisibility = () => true;

function query(overrides: Partial<BoardQuery> = {}): BoardQuery {
  return {
    text: '',
    skills: [],
    contributionTypes: [],
    ownerRefs: [],
    systemRefs: [],
    domainRefs: [],
    tags: [],
    sort: 'relevance',
    ...overrides,
  };
}

function board(
  entries: StoredBoardEntry[],
  ids = new EntityRefIds(),
  codeHost?: LoadedCodeHostFacts,
) {
  const index = new BoardIndex(entries, ids);
  const page = (
    overrides: Partial<BoardQuery> = {},
    options: {
      limit?: number;
      cursor?: string;
      now?: Date;
      isVisible?: BoardVisibility;
      codeHost?: LoadedCodeHostFacts;
    } = {},
  ) => {
    const q = query(overrides);
    return index.query(q, {
      now: options.now ?? NOW,
      isVisible: options.isVisible ?? everyone,
      limit: options.limit ?? 100,
      after: options.cursor ? decodeCursor(options.cursor, q) : undefined,
      codeHost: options.codeHost ?? codeHost,
    });
  };
  const names = (
    overrides: Partial<BoardQuery> = {},
    options: Parameters<typeof page>[1] = {},
  ) => page(overrides, options).items.map(item => item.name);
  return { index, ids, page, names };
}

const asks = (...texts: string[]) => texts.map(text => ({ text }));

/** A small board with something to find in every facet. */
const entries = [
  storedEntry('gateway', {
    title: 'Payments Gateway',
    description: 'Takes card payments',
    owner: 'group:default/payments',
    system: 'system:default/checkout',
    domain: 'domain:default/commerce',
    tags: ['java', 'payments'],
    skills: ['Kotlin', 'Java'],
    contributionTypes: ['code'],
    asks: [
      { type: 'docs', text: 'Write a Kotlin quickstart' },
      { type: 'code', text: 'Add Klarna' },
    ],
    asksValidUntil: '2035-12-31',
  }),
  storedEntry('storefront', {
    title: 'Storefront',
    description: 'The web shop, in React',
    owner: 'group:default/web',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    tags: ['react'],
    skills: ['TypeScript', 'react'],
    contributionTypes: ['code', 'design'],
    asks: asks('Make the basket accessible'),
  }),
  storedEntry('ledger', {
    title: 'Ledger',
    description: 'Double-entry bookkeeping for payments',
    owner: 'group:default/finance',
    system: 'system:default/accounting',
    domain: 'domain:default/finance',
    tags: ['java'],
    skills: ['java'],
    contributionTypes: ['tests'],
    asks: [{ type: 'tests', text: 'Property tests for rounding' }],
    asksValidUntil: '2026-01-31',
  }),
  storedEntry('docs-site', {
    title: 'Docs site',
    owner: 'group:default/web',
    tags: ['docs'],
    contributionTypes: ['docs'],
  }),
];

describe('BoardIndex', () => {
  it('lists every entry, most current asks first, then by title', () => {
    const { page } = board(entries);
    const result = page();
    expect(result.items.map(item => item.name)).toEqual([
      'gateway',
      'storefront',
      'docs-site',
      'ledger',
    ]);
    expect(result.totalItems).toBe(4);
    expect(result.nextCursor).toBeUndefined();
  });

  it('returns items with their times as ISO strings and nothing internal', () => {
    const { page } = board(entries);
    const [item] = page({ skills: ['kotlin'] }).items;
    expect(item).toEqual({
      ...entries[0],
      asksExpired: false,
      asksUpdatedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  describe('filters', () => {
    const { names } = board(entries);

    it('by skill, ignoring case, any of several', () => {
      expect(names({ skills: ['JAVA'] })).toEqual(['gateway', 'ledger']);
      expect(names({ skills: ['kotlin', 'react'] })).toEqual([
        'gateway',
        'storefront',
      ]);
      expect(names({ skills: ['cobol'] })).toEqual([]);
    });

    it('by contribution type, declared or carried by a current ask', () => {
      expect(names({ contributionTypes: ['docs'] })).toEqual([
        'gateway',
        'docs-site',
      ]);
      expect(names({ contributionTypes: ['design', 'tests'] })).toEqual([
        'storefront',
        'ledger',
      ]);
    });

    it('by owner, system and domain', () => {
      expect(names({ ownerRefs: ['group:default/web'] })).toEqual([
        'storefront',
        'docs-site',
      ]);
      expect(names({ systemRefs: ['system:default/checkout'] })).toEqual([
        'gateway',
      ]);
      expect(names({ domainRefs: ['domain:default/commerce'] })).toEqual([
        'gateway',
        'storefront',
      ]);
    });

    it('by tag', () => {
      expect(names({ tags: ['java'] })).toEqual(['gateway', 'ledger']);
    });

    it('by all filters at once', () => {
      expect(
        names({ tags: ['java'], domainRefs: ['domain:default/finance'] }),
      ).toEqual(['ledger']);
      expect(
        names({ tags: ['react'], ownerRefs: ['group:default/payments'] }),
      ).toEqual([]);
    });
  });

  describe('free text', () => {
    const { names, page } = board(entries);

    it('matches title, description, skills and current asks', () => {
      expect(names({ text: 'gateway' })).toEqual(['gateway']);
      expect(names({ text: 'bookkeeping' })).toEqual(['ledger']);
      expect(names({ text: 'typescript' })).toEqual(['storefront']);
      expect(names({ text: 'klarna' })).toEqual(['gateway']);
    });

    it('matches the beginnings of words, not their middles', () => {
      expect(names({ text: 'gate' })).toEqual(['gateway']);
      expect(names({ text: 'way' })).toEqual([]);
      expect(names({ text: 'book' })).toEqual(['ledger']);
      expect(names({ text: 'Kotlin-quick' })).toEqual(['gateway']);
    });

    it('needs every word, in any case and order', () => {
      expect(names({ text: '  KOTLIN   quickstart ' })).toEqual(['gateway']);
      expect(names({ text: 'kotlin react' })).toEqual([]);
    });

    it('does not match owners or tags', () => {
      expect(names({ text: 'finance' })).toEqual([]);
    });

    it('ranks title matches above skill, ask and description matches', () => {
      expect(names({ text: 'payments' })).toEqual(['gateway', 'ledger']);
      expect(names({ text: 'java' })).toEqual(['gateway', 'ledger']);
      expect(names({ text: 'docs' })).toEqual(['docs-site']);
    });

    it('orders by the sort asked for, when it is not relevance', () => {
      expect(names({ text: 'payments', sort: 'most-asks' })).toEqual([
        'gateway',
        'ledger',
      ]);
      expect(page({ text: 'payments' }).totalItems).toBe(2);
    });
  });

  describe('sorts', () => {
    const fresh = new Date('2026-06-10T00:00:00Z');
    const older = new Date('2026-05-01T00:00:00Z');
    const { names } = board([
      storedEntry('b', { asks: asks('one'), asksUpdatedAt: older }),
      storedEntry('a', { asks: asks('one', 'two'), asksUpdatedAt: older }),
      storedEntry('c', { asks: asks('one'), asksUpdatedAt: fresh }),
      storedEntry('d', { asksUpdatedAt: new Date('2026-06-14T00:00:00Z') }),
    ]);

    it('newest: most recently changed asks first, entries without asks last', () => {
      expect(names({ sort: 'newest' })).toEqual(['c', 'a', 'b', 'd']);
    });

    it('most-asks: most current asks first, then by title', () => {
      expect(names({ sort: 'most-asks' })).toEqual(['a', 'b', 'c', 'd']);
      expect(names({ sort: 'relevance' })).toEqual(['a', 'b', 'c', 'd']);
    });
  });

  describe('expiry of asks, judged when the board is read', () => {
    const until = storedEntry('until', {
      asks: [{ type: 'docs', text: 'Translate the guide' }, ...asks('two')],
      asksValidUntil: '2026-06-30',
    });
    const other = storedEntry('other', { asks: asks('one') });
    const { page, names } = board([until, other]);
    const lastDay = new Date('2026-06-30T23:59:59Z');
    const dayAfter = new Date('2026-07-01T00:00:00Z');

    it('shows the asks through their last day (UTC)', () => {
      const [item] = page({}, { now: lastDay }).items;
      expect(item).toMatchObject({ name: 'until', asksExpired: false });
      expect(item.asks).toHaveLength(2);
    });

    it('hides them the day after, keeping the entity on the board', () => {
      const items = page({}, { now: dayAfter }).items;
      expect(items.map(i => i.name)).toEqual(['other', 'until']);
      expect(items[1]).toMatchObject({ asks: [], asksExpired: true });
    });

    it('stops matching, typing and counting expired asks', () => {
      expect(names({ text: 'translate' }, { now: lastDay })).toEqual(['until']);
      expect(names({ text: 'translate' }, { now: dayAfter })).toEqual([]);
      expect(names({ contributionTypes: ['docs'] }, { now: dayAfter })).toEqual(
        [],
      );
      expect(page({}, { now: dayAfter }).facets.contributionTypes).toEqual([]);
    });
  });

  describe('facets', () => {
    const { page } = board(entries);

    it('count the filtered result, leaving out the facet’s own filter', () => {
      const { facets, totalItems } = page({
        skills: ['java'],
        tags: ['java'],
      });
      expect(totalItems).toBe(2);
      // Other skills: counted as if no skill were selected (tag java still applies).
      expect(facets.skills).toEqual([
        { value: 'java', count: 2 },
        { value: 'kotlin', count: 1 },
      ]);
      // Tags: with the skill filter, without the tag filter.
      expect(facets.tags).toEqual([
        { value: 'java', count: 2 },
        { value: 'payments', count: 1 },
      ]);
      expect(facets.owners).toEqual([
        { value: 'group:default/finance', count: 1 },
        { value: 'group:default/payments', count: 1 },
      ]);
      expect(facets.contributionTypes).toEqual([
        { value: 'code', count: 1 },
        { value: 'docs', count: 1 },
        { value: 'tests', count: 1 },
      ]);
    });

    it('count over the whole board when nothing is selected', () => {
      const { facets } = page();
      expect(facets.domains).toEqual([
        { value: 'domain:default/commerce', count: 2 },
        { value: 'domain:default/finance', count: 1 },
      ]);
      expect(facets.systems).toHaveLength(3);
      expect(facets.contributionTypes).toEqual([
        { value: 'code', count: 2 },
        { value: 'docs', count: 2 },
        { value: 'design', count: 1 },
        { value: 'tests', count: 1 },
      ]);
    });

    it('respect free text', () => {
      expect(page({ text: 'payments' }).facets.owners).toEqual([
        { value: 'group:default/finance', count: 1 },
        { value: 'group:default/payments', count: 1 },
      ]);
    });

    it('list selected values even when nothing has them', () => {
      const { facets, totalItems } = page({
        skills: ['cobol'],
        ownerRefs: ['group:default/web'],
      });
      expect(totalItems).toBe(0);
      expect(facets.skills).toEqual([
        { value: 'react', count: 1 },
        { value: 'typescript', count: 1 },
        { value: 'cobol', count: 0 },
      ]);
      expect(facets.owners).toEqual([{ value: 'group:default/web', count: 0 }]);
    });

    it('return the most frequent values only', () => {
      const many = Array.from({ length: 150 }, (_, i) =>
        storedEntry(`e${i}`, {
          skills: [`skill-${String(i).padStart(3, '0')}`, 'common'],
        }),
      );
      const skills = board(many).page({ skills: ['skill-149'] }).facets.skills;
      expect(skills).toHaveLength(MAX_FACET_VALUES + 1);
      expect(skills[0]).toEqual({ value: 'common', count: 150 });
      expect(skills[MAX_FACET_VALUES]).toEqual({
        value: 'skill-149',
        count: 1,
      });
    });
  });

  describe('visibility', () => {
    const ids = new EntityRefIds();
    const { page } = board(entries, ids);
    const hidden = ids.idOf('component:default/ledger');
    const isVisible: BoardVisibility = id => id !== hidden;

    it('shows and counts nothing of an entity the caller may not read', () => {
      const result = page({}, { isVisible });
      expect(result.items.map(i => i.name)).not.toContain('ledger');
      expect(result.totalItems).toBe(3);
      const allValues = Object.values(result.facets).flatMap(values =>
        values.map(v => v.value),
      );
      expect(allValues).not.toContain('group:default/finance');
      expect(allValues).not.toContain('domain:default/finance');
      expect(allValues).not.toContain('tests');
      expect(result.facets.tags).toContainEqual({ value: 'java', count: 1 });
    });

    it('not even when searched or filtered for directly', () => {
      const result = page(
        { text: 'bookkeeping', ownerRefs: ['group:default/finance'] },
        { isVisible },
      );
      expect(result.totalItems).toBe(0);
      expect(result.facets.owners).toEqual([
        { value: 'group:default/finance', count: 0 },
      ]);
    });
  });

  describe('queries shared between callers who read the same entities', () => {
    const ids = new EntityRefIds();
    const { page } = board(entries, ids);
    const hidden = ids.idOf('component:default/ledger');
    const keyed = (key: string, isVisible: (id: number) => boolean) =>
      Object.assign(isVisible, { key });

    it('answers a repeated query with the same visibility key like the first time', () => {
      const visibility = keyed('all-but-ledger', id => id !== hidden);
      const first = page({ skills: ['java'] }, { isVisible: visibility });
      const again = page({ skills: ['java'] }, { isVisible: visibility });
      expect(again).toEqual(first);
      expect(again.items.map(i => i.name)).not.toContain('ledger');
    });

    it('keeps answers for different visibility keys apart', () => {
      const mallory = page(
        {},
        { isVisible: keyed('mallory', id => id !== hidden) },
      );
      const alice = page({}, { isVisible: keyed('alice', () => true) });
      expect(mallory.totalItems).toBe(3);
      expect(alice.totalItems).toBe(4);
      expect(alice.items.map(i => i.name)).toContain('ledger');
    });

    it('pages through a kept answer without repeating or skipping items', () => {
      const isVisible = keyed('everyone', () => true);
      const firstPage = page({}, { isVisible, limit: 2 });
      const secondPage = page(
        {},
        { isVisible, limit: 2, cursor: firstPage.nextCursor },
      );
      expect(
        [...firstPage.items, ...secondPage.items].map(i => i.name),
      ).toEqual(page({}, { limit: 10 }).items.map(i => i.name));
      expect(secondPage.nextCursor).toBeUndefined();
    });

    it('judges expiry again on a new day', () => {
      const isVisible = keyed('everyone', () => true);
      const before = page({ text: 'klarna' }, { isVisible });
      const after = page(
        { text: 'klarna' },
        { isVisible, now: new Date('2036-01-02T00:00:00Z') },
      );
      expect(before.totalItems).toBe(1);
      expect(after.totalItems).toBe(0);
    });
  });

  describe('live issues from the code host', () => {
    /** The facts as one load of the stored scorecards gives them. */
    function loadedFacts(
      byName: Record<string, Partial<BoardCodeHostFacts>>,
    ): LoadedCodeHostFacts {
      const facts = new Map(
        Object.entries(byName).map(([name, fields]) => [
          `component:default/${name}`,
          {
            repositoryUrl: `https://github.com/acme/${name}`,
            openIssues: 0,
            newestIssues: [],
            readAt: '2026-06-15T10:00:00.000Z',
            ...fields,
          },
        ]),
      );
      return { codeHostFactsOf: ref => facts.get(ref) };
    }
    const issueOf = (n: number) => ({
      title: `Issue ${n}`,
      url: `https://github.com/acme/x/issues/${n}`,
      labels: ['good first issue'],
      createdAt: '2026-06-01T00:00:00.000Z',
    });
    const issueEntries = [
      storedEntry('quiet', { title: 'Quiet', skills: ['go'] }),
      storedEntry('busy', {
        title: 'Busy',
        skills: ['go', 'rust'],
        asks: asks('Add a Rust client'),
      }),
      storedEntry('busier', {
        title: 'Busier',
        skills: ['rust'],
        asks: asks('Port to Rust', 'Write Rust docs'),
      }),
      storedEntry('crowded', { title: 'Crowded', skills: ['go'] }),
      storedEntry('unread', { title: 'Unread', skills: ['go'] }),
      storedEntry('secret', { title: 'Secret', skills: ['go'] }),
    ];
    const facts = loadedFacts({
      quiet: { openIssues: 0, lastCommitAt: '2026-06-10T00:00:00.000Z' },
      busy: {
        openIssues: 3,
        newestIssues: [issueOf(1)],
        lastCommitAt: '2026-06-01T00:00:00.000Z',
      },
      busier: { openIssues: 3, lastCommitAt: '2026-05-01T00:00:00.000Z' },
      crowded: { openIssues: 7, lastCommitAt: null },
      secret: { openIssues: 50, lastCommitAt: '2026-06-14T00:00:00.000Z' },
    });
    const ids = new EntityRefIds();
    const secretId = ids.idOf('component:default/secret');
    const notSecret: BoardVisibility = id => id !== secretId;
    const { page, names } = board(issueEntries, ids, facts);
    const readable = { isVisible: notSecret };

    it('puts the facts on the items that have them, and nothing on the others', () => {
      const items = page({}, readable).items;
      expect(items.find(i => i.name === 'busy')?.codeHost).toEqual({
        repositoryUrl: 'https://github.com/acme/busy',
        openIssues: 3,
        newestIssues: [issueOf(1)],
        lastCommitAt: '2026-06-01T00:00:00.000Z',
        readAt: '2026-06-15T10:00:00.000Z',
      });
      expect(Object.keys(items.find(i => i.name === 'unread')!)).not.toContain(
        'codeHost',
      );
    });

    it('filters to items with open issues, and counts them like a facet', () => {
      const all = page({}, readable);
      expect(all.totalItems).toBe(5);
      expect(all.itemsWithIssues).toBe(3);

      const withIssues = page({ hasIssues: true }, readable);
      expect(withIssues.items.map(i => i.name).sort()).toEqual([
        'busier',
        'busy',
        'crowded',
      ]);
      expect(withIssues.totalItems).toBe(3);
      expect(withIssues.itemsWithIssues).toBe(3);
      // The other facets count only what the issues filter lets through.
      expect(withIssues.facets.skills).toEqual([
        { value: 'go', count: 2 },
        { value: 'rust', count: 2 },
      ]);

      const goOnly = page({ hasIssues: true, skills: ['go'] }, readable);
      expect(goOnly.items.map(i => i.name).sort()).toEqual(['busy', 'crowded']);
      // The skill facet leaves its own filter out, not the issues filter.
      expect(goOnly.facets.skills).toEqual([
        { value: 'go', count: 2 },
        { value: 'rust', count: 2 },
      ]);
    });

    it('never counts the issues of an entity the caller may not read', () => {
      expect(page({ hasIssues: true }).totalItems).toBe(4);
      expect(page({}, readable).itemsWithIssues).toBe(3);
      expect(names({ sort: 'most-issues' }, readable)).not.toContain('secret');
    });

    it('most-issues: most open issues first, ties by relevance, items without facts last', () => {
      expect(names({ sort: 'most-issues' }, readable)).toEqual([
        'crowded',
        // Three issues each: the one with more current asks first.
        'busier',
        'busy',
        'quiet',
        'unread',
      ]);
      // With free text, ties go by how well the item matches.
      expect(
        names({ sort: 'most-issues', text: 'rust client' }, readable),
      ).toEqual(['busy']);
      expect(names({ sort: 'most-issues', text: 'go' }, readable)).toEqual([
        'crowded',
        'busy',
        'quiet',
        'unread',
      ]);
    });

    it('most-active: latest commit first, items without a commit or facts last', () => {
      expect(names({ sort: 'most-active' }, readable)).toEqual([
        'quiet',
        'busy',
        'busier',
        'crowded',
        'unread',
      ]);
    });

    it.each(['most-issues', 'most-active'] as const)(
      'pages through %s without repeating or skipping items',
      sort => {
        for (const text of ['', 'go']) {
          const all = names({ sort, text }, readable);
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            const result = page(
              { sort, text },
              { ...readable, limit: 2, cursor },
            );
            seen.push(...result.items.map(i => i.name));
            cursor = result.nextCursor;
          } while (cursor);
          expect(seen).toEqual(all);
        }
      },
    );

    it('works the issues out again when new facts are loaded, even for a kept answer', () => {
      const isVisible = Object.assign((id: number) => id !== secretId, {
        key: 'everyone-but-secret',
      });
      const before = page({ hasIssues: true }, { isVisible });
      expect(before.totalItems).toBe(3);
      const newer = loadedFacts({ quiet: { openIssues: 2 } });
      const after = page({ hasIssues: true }, { isVisible, codeHost: newer });
      expect(after.items.map(i => i.name)).toEqual(['quiet']);
      expect(after.items[0].codeHost?.openIssues).toBe(2);
      expect(
        page({}, { isVisible, codeHost: newer }).items.find(
          i => i.name === 'busy',
        )?.codeHost,
      ).toBeUndefined();
    });

    it('claims no issues without facts', () => {
      const { page: withoutFacts } = board(issueEntries);
      const result = withoutFacts({ hasIssues: true });
      expect(result.totalItems).toBe(0);
      expect(Object.keys(withoutFacts())).not.toContain('itemsWithIssues');
    });
  });

  describe('paging', () => {
    // Many ties on purpose: equal asks, equal titles, so the entity ref decides.
    const many = Array.from({ length: 57 }, (_, i) =>
      storedEntry(`e${String(i).padStart(2, '0')}`, {
        title: ['Alpha', 'beta', 'Gamma'][i % 3],
        asks: asks(...Array.from({ length: i % 4 }, (__, j) => `ask ${j}`)),
        asksUpdatedAt: new Date(Date.UTC(2026, 0, 1 + (i % 5))),
        skills: i % 2 ? ['go'] : ['rust'],
        description: i % 3 ? 'ask the team' : 'nothing',
      }),
    );
    const { page, names } = board(many);

    function walk(overrides: Partial<BoardQuery>, limit: number) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const result = page(overrides, { limit, cursor });
        expect(result.items.length).toBeLessThanOrEqual(limit);
        seen.push(...result.items.map(i => i.name));
        cursor = result.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      return { seen, pages };
    }

    it.each(
      BOARD_SORTS.flatMap(sort =>
        [1, 7, 20, 56, 57, 100].flatMap(limit => [
          { sort, limit, text: '' },
          { sort, limit, text: 'ask' },
        ]),
      ),
    )(
      'walks every item once with sort=$sort, limit=$limit, q="$text"',
      ({ sort, limit, text }) => {
        const all = names({ sort, text });
        const { seen, pages } = walk({ sort, text }, limit);
        expect(seen).toEqual(all);
        expect(new Set(seen).size).toBe(seen.length);
        expect(pages).toBe(Math.max(1, Math.ceil(all.length / limit)));
      },
    );

    it('walks a filtered board too, with the same total on every page', () => {
      const first = page({ skills: ['go'] }, { limit: 5 });
      const second = page(
        { skills: ['go'] },
        { limit: 5, cursor: first.nextCursor },
      );
      expect(second.totalItems).toBe(first.totalItems);
      expect(walk({ skills: ['go'] }, 5).seen).toEqual(
        names({ skills: ['go'] }),
      );
    });

    it('neither repeats nor skips items when the board changes between pages', () => {
      const ids = new EntityRefIds();
      const before = board(many, ids);
      const first = before.page({}, { limit: 10 });
      const shown = first.items.map(i => i.name);

      // One entry shown already and one not yet shown leave; another arrives.
      const after = board(
        [
          ...many.filter(e => e.name !== shown[3] && e.name !== 'e40'),
          storedEntry('new', { asks: asks('1', '2', '3', '4') }),
        ],
        ids,
      );
      const rest: string[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const result = after.page({}, { limit: 10, cursor });
        rest.push(...result.items.map(i => i.name));
        cursor = result.nextCursor;
      }

      const expected = after
        .names()
        .filter(name => !shown.includes(name) && name !== 'new');
      expect(rest).toEqual(expected);
      expect(rest).not.toContain('e40');
    });

    it('ends without a cursor on the last page', () => {
      expect(page({}, { limit: 57 }).nextCursor).toBeUndefined();
      expect(page({}, { limit: 56 }).nextCursor).toBeDefined();
    });
  });

  it('exports every matching item in order, up to a maximum', () => {
    const { index } = board(entries);
    const all = index.export(query(), {
      now: NOW,
      isVisible: everyone,
      max: 10,
    });
    expect(all.items.map(i => i.name)).toEqual([
      'gateway',
      'storefront',
      'docs-site',
      'ledger',
    ]);
    const capped = index.export(query({ tags: ['java'] }), {
      now: NOW,
      isVisible: everyone,
      max: 1,
    });
    expect(capped.items.map(i => i.name)).toEqual(['gateway']);
    expect(capped.totalItems).toBe(2);
  });

  it('knows every contribution type', () => {
    const { page } = board(entries);
    for (const type of CONTRIBUTION_TYPES) {
      expect(() => page({ contributionTypes: [type] })).not.toThrow();
    }
  });
});
