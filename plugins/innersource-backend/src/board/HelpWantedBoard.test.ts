import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { EntityCodeHostSummary } from '@innersource/backstage-plugin-innersource-common';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { wantedComponent } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/openApi';
import { freshCodeHost } from '../scorecards/__testUtils__/codeHostSummaries';
import { MemoryScorecardStore } from '../scorecards/__testUtils__/MemoryScorecardStore';
import { entityScorecard } from '../scorecards/__testUtils__/scorecards';
import { ScorecardIndex } from '../scorecards/ScorecardIndex';
import { boardPageJson } from './boardPageJson';
import { DatabaseBoardStore } from './DatabaseBoardStore';
import { HelpWantedBoard } from './HelpWantedBoard';
import { BoardQuery } from './types';

// The board as the API serves it, on SQLite, with its live issues from the
// stored scorecards' index: the same snapshot the badges and scorecards read.
// Mallory may not read the ledger.

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const alice = mockCredentials.user('user:default/alice');
const mallory = mockCredentials.user('user:default/mallory');

const entities = ['gateway', 'storefront', 'ledger', 'unread'].map(name =>
  wantedComponent(name, {
    annotations: { 'innersource/help-wanted': `Help ${name}` },
  }),
);

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

const scorecardWith = (name: string, codeHost: EntityCodeHostSummary) =>
  entityScorecard(name, {
    codeHost,
    computedAt: new Date(
      Date.UTC(2026, 2, 10, 12, codeHost.openIssues ?? 0),
    ).toISOString(),
  });

describe('HelpWantedBoard with code-host facts', () => {
  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const scorecardStore = new MemoryScorecardStore();
    await scorecardStore.saveScorecards([
      scorecardWith('gateway', freshCodeHost('gateway', { openIssues: 2 })),
      scorecardWith(
        'storefront',
        freshCodeHost('storefront', { openIssues: 0 }),
      ),
      scorecardWith('ledger', freshCodeHost('ledger', { openIssues: 9 })),
      scorecardWith(
        'unread',
        freshCodeHost('unread', { status: 'pending', openIssues: 4 }),
      ),
    ]);
    let now = Date.parse('2026-03-10T13:00:00Z');
    const scorecards = new ScorecardIndex({
      store: scorecardStore,
      logger: mockServices.logger.mock(),
      revisionCheckIntervalMs: 5_000,
      clock: () => now,
    });
    const logger = mockServices.logger.mock();
    const board = new HelpWantedBoard({
      store: await DatabaseBoardStore.create({
        database: mockServices.database({ knex }),
      }),
      catalog: fakeCatalog(entities, {
        deny: { 'user:default/mallory': ['component:default/ledger'] },
      }).catalog,
      auth: mockServices.auth(),
      logger,
      codeHostFacts: scorecards,
      clock: () => new Date(now),
    });
    await board.refreshAll();
    return {
      board,
      scorecardStore,
      scorecards,
      logger,
      tick: (ms: number) => {
        now += ms;
      },
    };
  }

  it('shows each item’s live issues, and only items with issues when asked', async () => {
    const { board } = await setup();
    const page = await board.query(query(), { limit: 20 }, alice);
    expect(
      Object.fromEntries(
        page.items.map(item => [item.name, item.codeHost?.openIssues]),
      ),
    ).toEqual({ gateway: 2, storefront: 0, ledger: 9, unread: undefined });
    expect(page.itemsWithIssues).toBe(2);
    expect(schemaErrors(JSON.parse(boardPageJson(page)), 'BoardPage')).toEqual(
      [],
    );

    const withIssues = await board.query(
      query({ hasIssues: true, sort: 'most-issues' }),
      { limit: 20 },
      alice,
    );
    expect(withIssues.items.map(item => item.name)).toEqual([
      'ledger',
      'gateway',
    ]);
  });

  it('counts no issues of an entity the caller may not read', async () => {
    const { board } = await setup();
    const page = await board.query(
      query({ hasIssues: true }),
      { limit: 20 },
      mallory,
    );
    expect(page.items.map(item => item.name)).toEqual(['gateway']);
    expect(page.itemsWithIssues).toBe(1);
  });

  it('shows new facts once the scorecards change, on this replica or another', async () => {
    const { board, scorecardStore, scorecards, tick } = await setup();
    const first = await board.query(
      query({ hasIssues: true }),
      { limit: 20 },
      alice,
    );
    expect(first.totalItems).toBe(2);

    // Another replica stores new scorecards; the board's own entries stay the same.
    await scorecardStore.saveScorecards([
      scorecardWith(
        'storefront',
        freshCodeHost('storefront', { openIssues: 5 }),
      ),
    ]);
    tick(6_000);
    await scorecards.current();
    await new Promise(resolve => setImmediate(resolve));
    await new Promise(resolve => setImmediate(resolve));

    const later = await board.query(
      query({ hasIssues: true }),
      { limit: 20 },
      alice,
    );
    expect(later.items.map(item => item.name).sort()).toEqual([
      'gateway',
      'ledger',
      'storefront',
    ]);
    await expect(
      board.boardItemOf('component:default/storefront'),
    ).resolves.toMatchObject({ codeHost: { openIssues: 5 } });
  });

  it('serves the board without live issues when they cannot be loaded, and says so once', async () => {
    const knex = await databases.init('SQLITE_3');
    const logger = mockServices.logger.mock();
    const board = new HelpWantedBoard({
      store: await DatabaseBoardStore.create({
        database: mockServices.database({ knex }),
      }),
      catalog: fakeCatalog(entities).catalog,
      auth: mockServices.auth(),
      logger,
      codeHostFacts: {
        current: () => Promise.reject(new Error('database is down')),
      },
    });
    await board.refreshAll();
    for (let i = 0; i < 3; i++) {
      const page = await board.query(query(), { limit: 20 }, alice);
      expect(page.totalItems).toBe(4);
      expect(page.items.every(item => item.codeHost === undefined)).toBe(true);
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
