import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { EntityScorecard } from '@innersource/backstage-plugin-innersource-common';
import { DatabaseScorecardStore, utcDayOf } from './DatabaseScorecardStore';
import { scorecardSummaryOf } from './scorecardSummary';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function scorecard(
  name: string,
  computedAt: string,
  overrides: Partial<EntityScorecard> = {},
): EntityScorecard {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    score: 50,
    level: 'bronze',
    results: [
      { checkId: 'description', status: 'pass', evidence: 'has 40 chars' },
      {
        checkId: 'readme',
        status: 'not-reported',
        evidence: 'needs code-host data',
      },
      {
        checkId: 'skills',
        status: 'exempt',
        evidence: 'no innersource/skills annotation',
        exemptionReason: 'internal tool',
      },
    ],
    nextLevel: { id: 'silver', blockingChecks: ['chat'] },
    unknownExemptions: [],
    computedAt,
    ...overrides,
  };
}

describe('DatabaseScorecardStore', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  it('gives the UTC day of a moment', () => {
    expect(utcDayOf(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(utcDayOf(new Date('2026-03-02T00:30:00+01:00'))).toBe('2026-03-01');
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('lists summaries without the results, failing checks included', async () => {
      const { knex, store } = await createStore();
      const failing = scorecard('ledger', '2026-01-01T10:00:00.000Z', {
        title: 'Ledger',
        owner: 'group:default/finance',
        results: [
          { checkId: 'description', status: 'fail', evidence: '3 chars' },
          { checkId: 'readme', status: 'pass', evidence: 'README.md' },
          { checkId: 'chat', status: 'fail', evidence: 'no chat' },
        ],
      });
      await store.saveScorecards([failing]);
      const expected = scorecardSummaryOf(failing);
      await expect(store.listScorecardSummaries()).resolves.toEqual([expected]);

      // Rows written before the failing_checks column still give them.
      await knex('scorecards').update({ failing_checks: null });
      await expect(store.listScorecardSummaries()).resolves.toEqual([expected]);
    });

    it('stores every field of a scorecard and reads it back', async () => {
      const { store } = await createStore();
      const full = scorecard('gateway', '2026-01-01T10:00:00.000Z', {
        title: 'Payments Gateway',
        owner: 'group:default/payments',
        unknownExemptions: [
          { checkId: 'codeowner', reason: 'x', didYouMean: 'codeowners' },
        ],
      });
      await expect(store.saveScorecards([full])).resolves.toBe(1);
      await expect(store.listScorecards()).resolves.toEqual([full]);
      await expect(
        store.getScorecard('component:default/gateway'),
      ).resolves.toEqual(full);
      await expect(
        store.getScorecard('component:default/nope'),
      ).resolves.toBeUndefined();
    });

    it('stores the code-host summary with the scorecard, and its contribution counts with the summary', async () => {
      const { store } = await createStore();
      const contributions = {
        windowDays: 180,
        merged: 5,
        outside: 2,
        inside: 2,
        unknown: 1,
        unknownLogins: ['stranger'],
        crossTeamRatio: 0.4,
        contributingTeams: [{ team: 'group:default/platform', merged: 2 }],
        medianFirstResponseHours: 4.5,
        responseSamples: 2,
        truncated: false,
      };
      const fresh = scorecard('gateway', '2026-01-01T10:00:00.000Z', {
        codeHost: {
          status: 'fresh',
          repository: {
            provider: 'github',
            host: 'github.com',
            slug: 'acme/gateway',
            url: 'https://github.com/acme/gateway',
          },
          readAt: '2026-01-01T09:55:00.000Z',
          lastCommitAt: '2025-12-30T08:00:00Z',
          openIssues: 1,
          newestIssues: [
            {
              title: 'Add Klarna',
              url: 'https://github.com/acme/gateway/issues/3',
              labels: ['good first issue'],
              createdAt: '2025-12-20T08:00:00Z',
            },
          ],
          contributions,
        },
      });
      const expired = scorecard('ledger', '2026-01-01T10:00:00.000Z', {
        codeHost: {
          status: 'expired',
          reason: 'last read 9 days ago',
          contributions,
        },
      });
      await store.saveScorecards([fresh, expired]);

      await expect(
        store.getScorecard('component:default/gateway'),
      ).resolves.toEqual(fresh);
      const summaries = await store.listScorecardSummaries();
      expect(summaries.find(s => s.name === 'gateway')?.contributions).toEqual({
        merged: 5,
        outside: 2,
        unknown: 1,
        contributingTeams: [{ team: 'group:default/platform', merged: 2 }],
      });
      // Facts the scorecard no longer uses are not counted in lists either.
      expect(summaries.find(s => s.name === 'ledger')).not.toHaveProperty(
        'contributions',
      );
    });

    it('leaves out what a scorecard does not have', async () => {
      const { store } = await createStore();
      const bare = scorecard('bare', '2026-01-01T10:00:00.000Z', {
        score: null,
        level: undefined,
        nextLevel: undefined,
        results: [],
      });
      delete bare.level;
      delete bare.nextLevel;
      await store.saveScorecards([bare]);
      const [stored] = await store.listScorecards();
      expect(stored).toEqual(bare);
      expect(Object.keys(stored)).not.toContain('title');
      expect(Object.keys(stored)).not.toContain('owner');
      expect(Object.keys(stored)).not.toContain('level');
      expect(Object.keys(stored)).not.toContain('nextLevel');
      expect(Object.keys(stored)).not.toContain('codeHost');
    });

    it('keeps one history point per entity and UTC day: the last scoring of the day', async () => {
      const { store } = await createStore();
      await store.saveScorecards([
        scorecard('a', '2026-01-01T08:00:00.000Z', { score: 10 }),
      ]);
      await store.saveScorecards([
        scorecard('a', '2026-01-01T23:59:00.000Z', {
          score: 20,
          level: 'silver',
        }),
      ]);
      await store.saveScorecards([
        scorecard('a', '2026-01-02T00:01:00.000Z', {
          score: null,
          level: undefined,
        }),
      ]);
      await expect(store.getHistory('component:default/a')).resolves.toEqual([
        { day: '2026-01-01', score: 20, level: 'silver' },
        { day: '2026-01-02', score: null },
      ]);
      const [current] = await store.listScorecards();
      expect(current.computedAt).toBe('2026-01-02T00:01:00.000Z');
      expect(current.score).toBeNull();
    });

    it('never replaces a scorecard or a history point with an older scoring', async () => {
      const { store } = await createStore();
      await store.saveScorecards([
        scorecard('a', '2026-01-01T12:00:00.000Z', { score: 80 }),
      ]);
      const revision = await store.getRevision();
      await expect(
        store.saveScorecards([
          scorecard('a', '2026-01-01T11:00:00.000Z', { score: 30 }),
        ]),
      ).resolves.toBe(0);
      expect((await store.listScorecards())[0].score).toBe(80);
      await expect(store.getHistory('component:default/a')).resolves.toEqual([
        { day: '2026-01-01', score: 80, level: 'bronze' },
      ]);
      await expect(store.getRevision()).resolves.toBe(revision);
    });

    it('keeps the latest of several scorecards of one entity in one call', async () => {
      const { store } = await createStore();
      await store.saveScorecards([
        scorecard('a', '2026-01-01T12:00:00.000Z', { score: 80 }),
        scorecard('a', '2026-01-01T10:00:00.000Z', { score: 30 }),
      ]);
      expect((await store.listScorecards())[0].score).toBe(80);
    });

    it('bumps the revision with every write that changes the current scorecards', async () => {
      const { store } = await createStore();
      const r0 = await store.getRevision();
      await store.saveScorecards([]);
      await expect(store.getRevision()).resolves.toBe(r0);
      await store.saveScorecards([scorecard('a', '2026-01-01T10:00:00.000Z')]);
      const r1 = await store.getRevision();
      expect(r1).toBeGreaterThan(r0);
      await store.purgeScorecardsExcept(['component:default/a']);
      await expect(store.getRevision()).resolves.toBe(r1);
      await store.purgeScorecardsExcept([]);
      await expect(store.getRevision()).resolves.toBeGreaterThan(r1);
    });

    it('writes many scorecards at once, in batches', async () => {
      const { store } = await createStore();
      const many = Array.from({ length: 250 }, (_, i) =>
        scorecard(`c-${i}`, '2026-01-01T10:00:00.000Z', { score: i % 101 }),
      );
      await expect(store.saveScorecards(many)).resolves.toBe(250);
      await expect(store.listScorecards()).resolves.toHaveLength(250);
      await expect(
        store.purgeScorecardsExcept(many.slice(0, 10).map(s => s.entityRef)),
      ).resolves.toBe(240);
      await expect(store.listScorecards()).resolves.toHaveLength(10);
    });

    it('removes history before a day, and nothing else', async () => {
      const { store } = await createStore();
      for (const day of ['01', '02', '03', '04']) {
        await store.saveScorecards([
          scorecard('a', `2026-01-${day}T10:00:00.000Z`),
          scorecard('b', `2026-01-${day}T11:00:00.000Z`),
        ]);
      }
      await expect(store.pruneHistoryBefore('2026-01-03')).resolves.toBe(4);
      const days = (await store.getHistory('component:default/a')).map(
        p => p.day,
      );
      expect(days).toEqual(['2026-01-03', '2026-01-04']);
      await expect(store.listScorecards()).resolves.toHaveLength(2);
    });

    it('purges the scorecards and the history of entities not kept', async () => {
      const { store, knex } = await createStore();
      await store.saveScorecards([
        scorecard('kept', '2026-01-01T10:00:00.000Z'),
        scorecard('gone', '2026-01-01T10:00:00.000Z'),
      ]);
      await store.saveScorecards([
        scorecard('kept', '2026-01-02T10:00:00.000Z'),
        scorecard('gone', '2026-01-02T10:00:00.000Z'),
      ]);
      // History whose entity has no current scorecard any more goes too.
      await knex('scorecard_history').insert({
        entity_ref: 'component:default/orphan',
        day: '2026-01-01',
        score: 1,
        level: null,
        computed_at: new Date('2026-01-01T10:00:00Z'),
      });

      await expect(
        store.purgeScorecardsExcept(['component:default/kept']),
      ).resolves.toBe(2);

      expect((await store.listScorecards()).map(s => s.name)).toEqual(['kept']);
      await expect(
        store.getHistory('component:default/kept'),
      ).resolves.toHaveLength(2);
      await expect(store.getHistory('component:default/gone')).resolves.toEqual(
        [],
      );
      await expect(
        store.getHistory('component:default/orphan'),
      ).resolves.toEqual([]);
    });
  });
});
