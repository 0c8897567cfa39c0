import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  contributionSummary,
  freshCodeHost,
} from './__testUtils__/codeHostSummaries';
import { MemoryScorecardStore } from './__testUtils__/MemoryScorecardStore';
import { entityScorecard } from './__testUtils__/scorecards';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardIndex } from './ScorecardIndex';
import { scorecardSummaryOf } from './scorecardSummary';

const flush = () => new Promise(resolve => setImmediate(resolve));
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('ScorecardIndex', () => {
  function indexOf(store: MemoryScorecardStore, clock: () => number) {
    return new ScorecardIndex({
      store,
      logger: mockServices.logger.mock(),
      revisionCheckIntervalMs: 5_000,
      clock,
    });
  }

  it('gives the summary of a scored entity by its ref, ignoring case', async () => {
    const store = new MemoryScorecardStore();
    await store.saveScorecards([
      entityScorecard('gateway', { title: 'Payments Gateway' }),
    ]);
    const index = indexOf(store, () => 0);

    const expected = {
      entityRef: 'component:default/gateway',
      kind: 'Component',
      namespace: 'default',
      name: 'gateway',
      title: 'Payments Gateway',
      owner: 'group:default/payments',
      level: 'bronze',
      score: 50,
      nextLevel: { id: 'silver', blockingChecks: ['chat'] },
      failingChecks: ['chat', 'skills'],
      computedAt: '2026-03-10T12:00:00.000Z',
    };
    await expect(index.summaryOf('component:default/gateway')).resolves.toEqual(
      expected,
    );
    await expect(index.summaryOf('Component:default/Gateway')).resolves.toEqual(
      expected,
    );
    await expect(
      index.summaryOf('component:default/unknown'),
    ).resolves.toBeUndefined();
    await expect(
      index.scorecardOf('component:default/gateway'),
    ).resolves.toEqual(
      entityScorecard('gateway', { title: 'Payments Gateway' }),
    );
  });

  it('leaves out of a summary what the scorecard does not have', () => {
    const summary = scorecardSummaryOf(
      entityScorecard('bare', {
        owner: undefined,
        level: undefined,
        nextLevel: undefined,
        score: null,
        results: [],
      }),
    );
    expect(summary).toEqual({
      entityRef: 'component:default/bare',
      kind: 'Component',
      namespace: 'default',
      name: 'bare',
      score: null,
      failingChecks: [],
      computedAt: '2026-03-10T12:00:00.000Z',
    });
    expect(Object.keys(summary)).not.toContain('owner');
  });

  it('sees its own writes at once through reload', async () => {
    const store = new MemoryScorecardStore();
    const index = indexOf(store, () => 0);
    await expect(index.summaryOf('component:default/a')).resolves.toBe(
      undefined,
    );
    await store.saveScorecards([entityScorecard('a')]);
    await index.reload();
    await expect(index.summaryOf('component:default/a')).resolves.toMatchObject(
      { score: 50 },
    );
  });

  it('notices another replica’s write after the check interval, without making requests wait', async () => {
    const store = new MemoryScorecardStore();
    let now = 0;
    const replicaA = indexOf(store, () => now);
    await replicaA.summaryOf('component:default/a');

    // Replica B writes.
    await store.saveScorecards([entityScorecard('a', { score: 70 })]);

    now = 1_000;
    await expect(replicaA.summaryOf('component:default/a')).resolves.toBe(
      undefined,
    );
    now = 6_000;
    // This request is answered from memory and starts the check.
    await expect(replicaA.summaryOf('component:default/a')).resolves.toBe(
      undefined,
    );
    await flush();
    await flush();
    await expect(
      replicaA.summaryOf('component:default/a'),
    ).resolves.toMatchObject({ score: 70 });
  });

  it('gives every entry an id that survives reloads, and the orders of the overview', async () => {
    const store = new MemoryScorecardStore();
    await store.saveScorecards([
      entityScorecard('b', { score: 80 }),
      entityScorecard('a', { score: 80, title: 'Zeta' }),
      entityScorecard('c', { score: null }),
      entityScorecard('d', { score: 10 }),
    ]);
    const index = indexOf(store, () => 0);
    const loaded = await index.current();
    const idOfB = loaded.get('component:default/b')!.id;
    expect(index.idOf('Component:default/B')).toBe(idOfB);

    const names = (sort: 'score-desc' | 'score-asc' | 'name') =>
      loaded.sorted(sort).map(e => e.summary.name);
    expect(names('score-desc')).toEqual(['b', 'a', 'd', 'c']);
    expect(names('score-asc')).toEqual(['d', 'b', 'a', 'c']);
    // By title when there is one, else by name.
    expect(names('name')).toEqual(['b', 'c', 'd', 'a']);

    await store.saveScorecards([entityScorecard('e')]);
    await index.reload();
    expect((await index.current()).get('component:default/b')!.id).toBe(idOfB);
  });

  describe('code-host facts', () => {
    // A link the code host may hand over; no page may ever link to it.
    // eslint-disable-next-line no-script-url
    const SCRIPT_URL = 'javascript:alert(1)';
    const issue = (
      n: number,
      url = `https://github.com/acme/gateway/issues/${n}`,
    ) => ({
      title: `Issue ${n}`,
      url,
      labels: ['good first issue'],
      createdAt: `2026-03-0${n}T00:00:00.000Z`,
    });

    it('puts fresh contributions on the summary and the live issues beside it', async () => {
      const store = new MemoryScorecardStore();
      await store.saveScorecards([
        entityScorecard('gateway', {
          codeHost: freshCodeHost('gateway', {
            openIssues: 9,
            newestIssues: [
              issue(1, SCRIPT_URL),
              issue(2),
              issue(3, 'ftp://github.com/x'),
              issue(4),
              issue(5),
              issue(6),
              issue(7),
              issue(8),
            ],
            contributions: contributionSummary({
              merged: 4,
              outside: 1,
              contributingTeams: [{ team: 'group:default/web', merged: 1 }],
            }),
          }),
        }),
      ]);
      const index = indexOf(store, () => 0);

      await expect(
        index.summaryOf('component:default/gateway'),
      ).resolves.toMatchObject({
        contributions: {
          merged: 4,
          outside: 1,
          unknown: 0,
          contributingTeams: [{ team: 'group:default/web', merged: 1 }],
        },
      });
      const summary = await index.summaryOf('component:default/gateway');
      expect(Object.keys(summary!)).not.toContain('codeHost');

      const facts = await index.codeHostFactsOf('Component:default/Gateway');
      expect(facts).toEqual({
        repositoryUrl: 'https://github.com/acme/gateway',
        openIssues: 9,
        // Only http(s) links, the newest five of them.
        newestIssues: [issue(2), issue(4), issue(5), issue(6), issue(7)],
        lastCommitAt: '2026-03-09T08:00:00.000Z',
        readAt: '2026-03-10T11:00:00.000Z',
      });
    });

    it('shows nothing of facts that no longer count or were not read', async () => {
      const store = new MemoryScorecardStore();
      await store.saveScorecards([
        entityScorecard('expired', {
          codeHost: freshCodeHost('expired', {
            status: 'expired',
            openIssues: 3,
            contributions: contributionSummary({ merged: 2, outside: 2 }),
          }),
        }),
        entityScorecard('no-issues-read', {
          codeHost: freshCodeHost('no-issues-read', {
            openIssues: undefined,
            newestIssues: undefined,
          }),
        }),
        entityScorecard('odd-repository', {
          codeHost: freshCodeHost('odd-repository', {
            repository: {
              provider: 'github',
              host: 'github.com',
              slug: 'acme/odd',
              url: SCRIPT_URL,
            },
          }),
        }),
        entityScorecard('pending', {
          codeHost: { status: 'pending' },
        }),
        entityScorecard('before-code-host-facts'),
      ]);
      const index = indexOf(store, () => 0);
      for (const name of [
        'expired',
        'no-issues-read',
        'odd-repository',
        'pending',
        'before-code-host-facts',
      ]) {
        const ref = `component:default/${name}`;
        await expect(index.codeHostFactsOf(ref)).resolves.toBeUndefined();
        expect((await index.summaryOf(ref))?.contributions).toBeUndefined();
      }
    });
  });

  describe.each(databases.eachSupportedId())(
    'on the database store, %s',
    databaseId => {
      it('gets the live issues and contributions of what was stored', async () => {
        const knex = await databases.init(databaseId);
        const store = await DatabaseScorecardStore.create({
          database: mockServices.database({ knex }),
        });
        await store.saveScorecards([
          entityScorecard('gateway', {
            codeHost: freshCodeHost('gateway', {
              openIssues: 3,
              contributions: contributionSummary({ merged: 2, outside: 1 }),
            }),
          }),
        ]);
        const index = new ScorecardIndex({
          store,
          logger: mockServices.logger.mock(),
        });
        const loaded = await index.current();
        const entry = loaded.get('component:default/gateway')!;
        expect(entry.codeHost?.openIssues).toBe(3);
        expect(entry.contributionsWindowDays).toBe(180);
        expect(entry.summary.contributions).toMatchObject({
          merged: 2,
          outside: 1,
        });
        expect(Object.keys(entry.summary)).not.toContain('codeHost');
      });
    },
  );
});
