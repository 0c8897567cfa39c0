import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { codeHostRepositoryKey } from '@innersource/backstage-plugin-innersource-common';
import { CodeHostReadResult } from '@innersource/backstage-plugin-innersource-node';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { component } from '../scorecards/__testUtils__/entities';
import {
  DEFAULT_SCORECARD_ENTITIES,
  SCORECARD_ENTITY_FIELDS,
} from '../scorecards/config';
import {
  TEST_SLUG_ANNOTATION,
  TestCodeHostProvider,
  testFacts,
  testRepository,
} from './__testUtils__/testProvider';
import { CodeHostProviders } from './CodeHostProviders';
import { backOffMs, CodeHostRefresher } from './CodeHostRefresher';
import { DatabaseCodeHostFactsStore } from './DatabaseCodeHostFactsStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const START = new Date('2026-03-10T12:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const keyOf = (slug: string, provider = 'test') =>
  codeHostRepositoryKey(testRepository(slug, provider));

function inRepo(name: string, slug: string, labels?: string): Entity {
  return component(name, {
    owner: 'payments',
    annotations: {
      [TEST_SLUG_ANNOTATION]: slug,
      ...(labels ? { 'innersource/issue-labels': labels } : {}),
    },
  });
}

async function setup(
  entities: Entity[],
  providers: TestCodeHostProvider[],
  options: { budget?: number; pageSize?: number } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseCodeHostFactsStore.create({
    database: mockServices.database({ knex }),
  });
  const logger = mockServices.logger.mock();
  let now = START;
  const refresher = new CodeHostRefresher({
    providers: CodeHostProviders.of(providers),
    store,
    catalog: fakeCatalog(entities).catalog,
    auth: mockServices.auth(),
    logger,
    entities: DEFAULT_SCORECARD_ENTITIES,
    entityFields: [...SCORECARD_ENTITY_FIELDS],
    windowDays: 180,
    budget: options.budget ?? 2000,
    maxAgeMs: 7 * DAY,
    pageSize: options.pageSize,
    clock: () => now,
  });
  const stored = async (slug: string, provider = 'test') =>
    (await store.getRepositories([keyOf(slug, provider)])).get(
      keyOf(slug, provider),
    );
  return {
    store,
    logger,
    refresher,
    stored,
    later(ms: number) {
      now = new Date(now.getTime() + ms);
      return now;
    },
  };
}

describe('CodeHostRefresher', () => {
  it('reads every repository of the scored entities and stores the facts at once', async () => {
    const provider = new TestCodeHostProvider();
    const { refresher, stored, logger } = await setup(
      [
        inRepo('gateway', 'acme/gateway'),
        inRepo('ledger', 'acme/ledger'),
        component('no-repository'),
      ],
      [provider],
      { pageSize: 1 },
    );

    await expect(refresher.refreshAll()).resolves.toEqual({
      repositories: 2,
      read: 2,
      unchanged: 0,
      failed: 0,
      waiting: 0,
      notReached: 0,
      affectedEntityRefs: [
        'component:default/gateway',
        'component:default/ledger',
      ],
    });
    expect(provider.slugsRead()).toEqual([['acme/gateway', 'acme/ledger']]);
    expect(provider.reads[0][0]).toEqual({
      key: keyOf('acme/gateway'),
      repository: testRepository('acme/gateway'),
      issueLabels: ['good first issue', 'help wanted'],
      windowDays: 180,
    });
    expect(await stored('acme/gateway')).toMatchObject({
      facts: testFacts('acme/gateway'),
      readAt: START,
      changeToken: 'token-1',
      issueLabels: ['good first issue', 'help wanted'],
      windowDays: 180,
    });
    expect(logger.info).toHaveBeenCalledWith(
      'Code-host facts: 2 repositories, 2 read, 0 unchanged, 0 failed, 0 waiting for a back-off or rate-limit reset, 0 not reached (1998 of 2000 budget units left)',
    );
  });

  it('reads the repositories never read first, then the oldest reads', async () => {
    const provider = new TestCodeHostProvider();
    const { refresher, store, later } = await setup(
      [inRepo('a', 'acme/a'), inRepo('b', 'acme/b'), inRepo('c', 'acme/c')],
      [provider],
    );
    const seed = (slug: string, at: Date) =>
      store.saveRead(
        {
          key: keyOf(slug),
          provider: 'test',
          repository: testRepository(slug),
        },
        { facts: testFacts(slug), issueLabels: [], windowDays: 180, at },
      );
    await seed('acme/b', new Date(START.getTime() - 3 * 60 * MINUTE));
    await seed('acme/a', new Date(START.getTime() - 60 * MINUTE));
    later(MINUTE);

    await refresher.refreshAll();

    expect(provider.slugsRead()).toEqual([['acme/c', 'acme/b', 'acme/a']]);
    // What was read before goes with the request, for change detection.
    expect(provider.reads[0][1].previous).toEqual({
      readAt: new Date(START.getTime() - 3 * 60 * MINUTE).toISOString(),
      issueLabels: [],
      windowDays: 180,
    });
  });

  it('stops where the budget runs out and reads the rest first in the next cycle', async () => {
    const provider = new TestCodeHostProvider();
    const { refresher, stored, later } = await setup(
      [inRepo('a', 'acme/a'), inRepo('b', 'acme/b'), inRepo('c', 'acme/c')],
      [provider],
      { budget: 2 },
    );

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      read: 2,
      notReached: 1,
    });
    expect(await stored('acme/c')).toBeUndefined();

    later(15 * MINUTE);
    await expect(refresher.refreshAll()).resolves.toMatchObject({
      read: 2,
      notReached: 1,
    });
    expect(provider.slugsRead()).toEqual([
      ['acme/a', 'acme/b', 'acme/c'],
      ['acme/c', 'acme/a', 'acme/b'],
    ]);
    expect((await stored('acme/c'))?.readAt).toEqual(
      new Date(START.getTime() + 15 * MINUTE),
    );
  });

  it('keeps reading the other repositories when one fails, logging the failure once', async () => {
    const failure: CodeHostReadResult = {
      outcome: 'failed',
      reason: 'the code host answered 502',
    };
    const provider = new TestCodeHostProvider('test', request =>
      request.repository.slug === 'acme/b'
        ? failure
        : { outcome: 'read', facts: testFacts(request.repository.slug) },
    );
    // A provider reporting the same failure twice is still logged once.
    const read = provider.read.bind(provider);
    provider.read = async (requests, context) => {
      await read(requests, context);
      await context.onResult(keyOf('acme/b'), failure);
    };
    const { refresher, stored, logger } = await setup(
      [inRepo('a', 'acme/a'), inRepo('b', 'acme/b'), inRepo('c', 'acme/c')],
      [provider],
    );

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      read: 2,
      failed: 1,
      notReached: 0,
    });
    expect((await stored('acme/a'))?.facts).toEqual(testFacts('acme/a'));
    expect((await stored('acme/c'))?.facts).toEqual(testFacts('acme/c'));
    expect(await stored('acme/b')).toMatchObject({
      lastFailure: 'the code host answered 502',
      lastFailureAt: START,
      nextAttemptAt: new Date(START.getTime() + backOffMs(1, false)),
      consecutiveFailures: 1,
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `Could not read ${keyOf(
        'acme/b',
      )} from test: the code host answered 502; the last good facts stay in use, next attempt after ${new Date(
        START.getTime() + 5 * MINUTE,
      ).toISOString()}`,
    );
  });

  it('keeps the last good facts of a repository whose read fails', async () => {
    let fail = false;
    const provider = new TestCodeHostProvider('test', request =>
      fail
        ? { outcome: 'failed', reason: 'timed out after 20 s' }
        : { outcome: 'read', facts: testFacts(request.repository.slug) },
    );
    const { refresher, stored, later } = await setup(
      [inRepo('a', 'acme/a')],
      [provider],
    );
    await refresher.refreshAll();
    fail = true;
    later(15 * MINUTE);
    await refresher.refreshAll();

    expect(await stored('acme/a')).toMatchObject({
      facts: testFacts('acme/a'),
      readAt: START,
      lastFailure: 'timed out after 20 s',
    });
  });

  it('asks a failing repository again only after its back-off or the rate-limit reset', async () => {
    const reset = new Date(START.getTime() + 40 * MINUTE);
    const provider = new TestCodeHostProvider('test', () => ({
      outcome: 'failed',
      reason: 'rate limit of code.example.com exhausted until 12:40 UTC',
      retryAt: reset,
    }));
    const { refresher, stored, later } = await setup(
      [inRepo('a', 'acme/a')],
      [provider],
    );
    await refresher.refreshAll();
    expect((await stored('acme/a'))?.nextAttemptAt).toEqual(reset);

    later(15 * MINUTE);
    await expect(refresher.refreshAll()).resolves.toMatchObject({
      waiting: 1,
      failed: 0,
    });
    expect(provider.reads).toHaveLength(1);

    later(30 * MINUTE);
    await refresher.refreshAll();
    expect(provider.reads).toHaveLength(2);
  });

  it('backs off longer after every failure in a row, and longest for a repository the host does not have', () => {
    expect(backOffMs(1, false)).toBe(5 * MINUTE);
    expect(backOffMs(2, false)).toBe(10 * MINUTE);
    expect(backOffMs(20, false)).toBe(6 * 60 * MINUTE);
    expect(backOffMs(1, true)).toBe(60 * MINUTE);
    expect(backOffMs(20, true)).toBe(DAY);
  });

  it('keeps reading with the next provider when one rejects', async () => {
    const broken = new TestCodeHostProvider('broken', request =>
      request.repository.slug === 'acme/second'
        ? 'throw'
        : {
            outcome: 'read',
            facts: testFacts(request.repository.slug, {}, 'broken'),
          },
    );
    // The broken provider serves what the annotation says; the other, its own annotation.
    const other = new TestCodeHostProvider('other');
    other.locate = entity => {
      const slug = entity.metadata.annotations?.['other.example/slug'];
      return slug ? { repository: testRepository(slug, 'other') } : undefined;
    };
    const { refresher, stored, logger } = await setup(
      [
        inRepo('first', 'acme/first'),
        inRepo('second', 'acme/second'),
        component('elsewhere', {
          annotations: { 'other.example/slug': 'acme/elsewhere' },
        }),
      ],
      [broken, other],
    );

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      repositories: 3,
      read: 2,
      notReached: 1,
    });
    expect((await stored('acme/first', 'broken'))?.facts).toBeDefined();
    expect((await stored('acme/elsewhere', 'other'))?.facts).toBeDefined();
    // Not reached is not a failure: nothing stored, read first next time.
    expect(await stored('acme/second', 'broken')).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'The code-host provider broken gave up after 1 of 2 repositories; the rest keep their facts and are read first next time: the code host cannot be reached at all',
    );
  });

  it('counts an unchanged repository as read now, keeping its facts', async () => {
    const provider = new TestCodeHostProvider('test', request =>
      request.previous?.changeToken === 'token-1'
        ? { outcome: 'unchanged' }
        : {
            outcome: 'read',
            facts: testFacts(request.repository.slug),
            changeToken: 'token-1',
          },
    );
    const { refresher, stored, later } = await setup(
      [inRepo('a', 'acme/a')],
      [provider],
    );
    await refresher.refreshAll();
    const readAgain = later(15 * MINUTE);

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      unchanged: 1,
      // Fresh before and after: the scorecard needs no new scoring.
      affectedEntityRefs: [],
    });
    expect(provider.reads[1][0].previous).toEqual({
      readAt: START.toISOString(),
      changeToken: 'token-1',
      issueLabels: ['good first issue', 'help wanted'],
      windowDays: 180,
    });
    expect(await stored('acme/a')).toMatchObject({
      facts: testFacts('acme/a'),
      readAt: readAgain,
      changeToken: 'token-1',
    });
  });

  it('reads a repository shared by entities once, for the union of their issue labels', async () => {
    const provider = new TestCodeHostProvider();
    const { refresher } = await setup(
      [
        inRepo('api', 'acme/mono', 'good first issue, docs'),
        inRepo('web', 'acme/mono', 'Good First Issue, frontend'),
      ],
      [provider],
    );

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      repositories: 1,
      read: 1,
      affectedEntityRefs: ['component:default/api', 'component:default/web'],
    });
    expect(provider.reads[0]).toHaveLength(1);
    expect(provider.reads[0][0].issueLabels).toEqual([
      'good first issue',
      'docs',
      'frontend',
    ]);
  });

  it('never sends an entity a provider cannot read to it', async () => {
    const provider = new TestCodeHostProvider();
    const { refresher } = await setup(
      [inRepo('malformed', 'payments-gateway'), inRepo('fine', 'acme/fine')],
      [provider],
    );

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      repositories: 1,
    });
    expect(provider.slugsRead()).toEqual([['acme/fine']]);
  });

  it('re-reads one entity on recompute at most once per interval', async () => {
    const provider = new TestCodeHostProvider();
    const { refresher, stored, later } = await setup([], [provider]);
    const entity = inRepo('a', 'acme/a', 'docs');
    const limits = { budget: 5, minIntervalMs: MINUTE };

    await expect(
      refresher.refreshEntity(entity, limits),
    ).resolves.toMatchObject({
      read: 1,
      affectedEntityRefs: ['component:default/a'],
    });
    later(30_000);
    await expect(
      refresher.refreshEntity(entity, limits),
    ).resolves.toMatchObject({ read: 0, waiting: 1 });
    later(31_000);
    await refresher.refreshEntity(entity, limits);

    expect(provider.slugsRead()).toEqual([['acme/a'], ['acme/a']]);
    expect((await stored('acme/a'))?.issueLabels).toEqual(['docs']);
  });
});
