import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  codeHostRepositoryKey,
  EntityScorecard,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { schemaErrors } from '../__testUtils__/openApi';
import { component, group } from '../scorecards/__testUtils__/entities';
import { MemoryScorecardStore } from '../scorecards/__testUtils__/MemoryScorecardStore';
import { readScorecardSettings } from '../scorecards/config';
import { ScorecardRefresher } from '../scorecards/ScorecardRefresher';
import {
  TEST_SLUG_ANNOTATION,
  TestCodeHostProvider,
  testFacts,
  testRepository,
} from './__testUtils__/testProvider';
import { CodeHostProviders } from './CodeHostProviders';
import { CodeHostRefresher } from './CodeHostRefresher';
import { CodeHostScoringFacts, describeAge } from './CodeHostScoringFacts';
import { DatabaseCodeHostFactsStore } from './DatabaseCodeHostFactsStore';

// The scoring of the backend, with its real scorer, reading code-host facts
// stored by the cycle.

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-03-10T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const LOGIN = 'test.example/user-login';

/** An entity that earns Gold when its repository's facts are good. */
function project(slug: string, annotations: Record<string, string> = {}) {
  return component('gateway', {
    owner: 'payments',
    description: 'Takes card payments for every shop in the group',
    annotations: {
      [TEST_SLUG_ANNOTATION]: slug,
      'backstage.io/techdocs-ref': 'dir:.',
      'innersource/contributions-wanted': 'true',
      'innersource/help-wanted': '[code] Add Klarna',
      'innersource/help-wanted-until': '2035-12-31',
      'innersource/skills': 'kotlin',
      'innersource/contributing': 'CONTRIBUTING.md',
      'innersource/chat': '#payments-dev',
      'innersource/trusted-committers': 'user:jane, group:payments',
      'innersource/response-time': '2d',
      'innersource/license': 'internal',
      ...annotations,
    },
  });
}

function person(name: string, login: string, team: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', annotations: { [LOGIN]: login } },
    spec: { memberOf: [team] },
  };
}

const people = [
  group('payments'),
  group('platform'),
  person('jane', 'jane', 'payments'),
  person('pia', 'pia', 'platform'),
];

/** Good facts: every file, recent commits, open issues, an outside contribution answered in 4 hours. */
function goodFacts(slug: string, overrides: Partial<RepositoryFacts> = {}) {
  return testFacts(slug, {
    files: {
      readme: true,
      codeowners: true,
      contributing: true,
      license: true,
    },
    lastCommitAt: new Date(NOW.getTime() - 2 * DAY).toISOString(),
    issues: {
      labels: ['good first issue', 'help wanted'],
      openCount: 2,
      newest: [
        {
          title: 'Add Klarna',
          url: 'https://code.example.com/acme/gateway/issues/3',
          labels: ['good first issue'],
          createdAt: '2026-03-01T08:00:00Z',
        },
        {
          title: 'Not a web link',
          url: 'ftp://code.example.com/acme/gateway/issues/2',
          labels: ['help wanted'],
          createdAt: '2026-02-28T08:00:00Z',
        },
      ],
    },
    pullRequests: {
      windowDays: 180,
      truncated: false,
      items: [
        {
          id: '12',
          url: 'https://code.example.com/acme/gateway/pull/12',
          author: { login: 'pia', isBot: false },
          createdAt: '2026-03-01T08:00:00Z',
          mergedAt: '2026-03-02T08:00:00Z',
          firstResponseAt: '2026-03-01T12:00:00Z',
        },
        {
          id: '13',
          url: 'https://code.example.com/acme/gateway/pull/13',
          author: { login: 'Jane', isBot: false },
          createdAt: '2026-03-03T08:00:00Z',
          mergedAt: '2026-03-03T09:00:00Z',
        },
      ],
    },
    ...overrides,
  });
}

async function setup(
  entities: Entity[],
  options: { provider?: TestCodeHostProvider } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const factsStore = await DatabaseCodeHostFactsStore.create({
    database: mockServices.database({ knex }),
  });
  const provider = options.provider ?? new TestCodeHostProvider();
  const providers = CodeHostProviders.of([provider]);
  const { catalog } = fakeCatalog([...entities, ...people]);
  const settings = readScorecardSettings(new ConfigReader({}));
  const logger = mockServices.logger.mock();
  const clock = () => NOW;
  const codeHostRefresher = new CodeHostRefresher({
    providers,
    store: factsStore,
    catalog,
    auth: mockServices.auth(),
    logger,
    entities: settings.entities,
    entityFields: settings.entityFields,
    windowDays: 180,
    budget: 100,
    maxAgeMs: 7 * DAY,
    clock,
  });
  const store = new MemoryScorecardStore();
  const refresher = new ScorecardRefresher({
    catalog,
    auth: mockServices.auth(),
    store,
    logger,
    settings,
    codeHost: {
      facts: new CodeHostScoringFacts({
        providers,
        store: factsStore,
        catalog,
        maxAgeMs: 7 * DAY,
        windowDays: 180,
        clock,
      }),
      refresher: codeHostRefresher,
      recompute: { budget: 5, minIntervalMs: 60_000 },
    },
    clock,
  });
  const saveFacts = (slug: string, facts: RepositoryFacts, at: Date) =>
    factsStore.saveRead(
      {
        key: codeHostRepositoryKey(testRepository(slug)),
        provider: 'test',
        repository: testRepository(slug),
      },
      {
        facts,
        issueLabels: ['good first issue', 'help wanted'],
        windowDays: 180,
        at,
      },
    );
  const scorecard = async () => {
    await refresher.refreshAll();
    return store.current.get('component:default/gateway')!;
  };
  return {
    refresher,
    codeHostRefresher,
    store,
    saveFacts,
    scorecard,
    provider,
  };
}

const resultOf = (scorecard: EntityScorecard, checkId: string) =>
  scorecard.results.find(r => r.checkId === checkId);

describe('scoring from stored code-host facts', () => {
  it('passes the code-host checks on fresh good facts, and holds Gold', async () => {
    const { saveFacts, scorecard } = await setup([project('acme/gateway')]);
    await saveFacts(
      'acme/gateway',
      goodFacts('acme/gateway'),
      new Date(NOW.getTime() - HOUR),
    );

    const gateway = await scorecard();
    for (const check of [
      'readme',
      'codeowners',
      'good-first-issues',
      'recent-activity',
      'response-time',
      'outside-contributions',
    ]) {
      expect(resultOf(gateway, check)).toMatchObject({ status: 'pass' });
    }
    expect(gateway.level).toBe('gold');
    // As the API documents it.
    expect(schemaErrors(gateway, 'EntityScorecard')).toEqual([]);
    expect(gateway.codeHost).toEqual({
      status: 'fresh',
      repository: testRepository('acme/gateway'),
      readAt: new Date(NOW.getTime() - HOUR).toISOString(),
      lastCommitAt: new Date(NOW.getTime() - 2 * DAY).toISOString(),
      openIssues: 2,
      // Only web links are shown.
      newestIssues: [
        expect.objectContaining({
          url: 'https://code.example.com/acme/gateway/issues/3',
        }),
      ],
      contributions: expect.objectContaining({
        merged: 2,
        outside: 1,
        inside: 1,
        unknown: 0,
        contributingTeams: [{ team: 'group:default/platform', merged: 1 }],
        medianFirstResponseHours: 4,
      }),
    });
  });

  it('fails a code-host check on fresh facts that say so', async () => {
    const { saveFacts, scorecard } = await setup([project('acme/gateway')]);
    await saveFacts(
      'acme/gateway',
      goodFacts('acme/gateway', {
        files: { readme: false, codeowners: false },
      }),
      NOW,
    );

    const gateway = await scorecard();
    expect(resultOf(gateway, 'readme')).toEqual({
      checkId: 'readme',
      status: 'fail',
      evidence: 'the repository has no README',
    });
    expect(resultOf(gateway, 'codeowners')).toMatchObject({ status: 'fail' });
    expect(gateway.level).toBeUndefined();
  });

  it('does not use facts older than the maximum age, and says how old they are', async () => {
    const { saveFacts, scorecard } = await setup([project('acme/gateway')]);
    await saveFacts(
      'acme/gateway',
      goodFacts('acme/gateway'),
      new Date(NOW.getTime() - 9 * DAY),
    );

    const gateway = await scorecard();
    expect(resultOf(gateway, 'readme')).toEqual({
      checkId: 'readme',
      status: 'not-reported',
      evidence:
        'no code-host facts: last read 9 days ago, longer ago than innersource.codeHost.maxAge (7 days)',
    });
    expect(gateway.codeHost).toMatchObject({
      status: 'expired',
      readAt: new Date(NOW.getTime() - 9 * DAY).toISOString(),
    });
    expect(gateway.codeHost).not.toHaveProperty('contributions');
    expect(gateway.level).toBeUndefined();
    expect(schemaErrors(gateway, 'EntityScorecard')).toEqual([]);
  });

  it('gives the reason a provider cannot read the repository, such as a malformed slug', async () => {
    const { scorecard, provider } = await setup([project('payments-gateway')]);

    const gateway = await scorecard();
    const reason =
      'test.example/project-slug "payments-gateway" is not "owner/name"; write e.g. "acme/payments-gateway"';
    expect(resultOf(gateway, 'readme')).toEqual({
      checkId: 'readme',
      status: 'not-reported',
      evidence: `no code-host facts: ${reason}`,
    });
    expect(gateway.codeHost).toEqual({ status: 'unavailable', reason });
    expect(provider.reads).toEqual([]);
  });

  it('says a repository was not read yet, with the last failure', async () => {
    const provider = new TestCodeHostProvider('test', () => ({
      outcome: 'failed',
      reason: 'the code host answered 502',
    }));
    const { codeHostRefresher, scorecard } = await setup(
      [project('acme/gateway')],
      { provider },
    );
    await codeHostRefresher.refreshAll();

    const gateway = await scorecard();
    expect(gateway.codeHost).toMatchObject({
      status: 'pending',
      lastFailure: 'the code host answered 502',
      lastFailureAt: NOW.toISOString(),
    });
    expect(resultOf(gateway, 'readme')?.evidence).toBe(
      'no code-host facts: https://code.example.com/acme/gateway has not been read from the code host yet; ' +
        'its facts come with the next code-host cycle; the last attempt failed: the code host answered 502',
    );
  });

  it('holds no Gold while a Gold code-host check is not reported', async () => {
    const { saveFacts, scorecard } = await setup([project('acme/gateway')]);
    // The pull requests could not be read: response time and outside contributions are unknown.
    await saveFacts(
      'acme/gateway',
      goodFacts('acme/gateway', { pullRequests: undefined }),
      NOW,
    );

    const gateway = await scorecard();
    expect(resultOf(gateway, 'outside-contributions')).toMatchObject({
      status: 'not-reported',
    });
    expect(resultOf(gateway, 'readme')).toMatchObject({ status: 'pass' });
    expect(gateway.level).toBe('silver');
    expect(gateway.nextLevel).toEqual({
      id: 'gold',
      blockingChecks: ['response-time', 'outside-contributions'],
      missingFacts: ['response-time', 'outside-contributions'],
    });
  });

  it('re-reads the repository when a scorecard is recomputed', async () => {
    const provider = new TestCodeHostProvider('test', request => ({
      outcome: 'read',
      facts: goodFacts(request.repository.slug),
    }));
    const { refresher } = await setup([project('acme/gateway')], { provider });

    const gateway = await refresher.refreshEntity('component:default/gateway');
    expect(provider.slugsRead()).toEqual([['acme/gateway']]);
    expect(gateway?.codeHost?.status).toBe('fresh');
    expect(gateway?.level).toBe('gold');

    // Within the interval the stored facts are used.
    await refresher.refreshEntity('component:default/gateway');
    expect(provider.reads).toHaveLength(1);
  });

  it('scores again the entities a code-host cycle read', async () => {
    const provider = new TestCodeHostProvider('test', request => ({
      outcome: 'read',
      facts: goodFacts(request.repository.slug),
    }));
    const { refresher, codeHostRefresher, store } = await setup(
      [project('acme/gateway')],
      { provider },
    );
    await refresher.refreshAll();
    expect(
      store.current.get('component:default/gateway')?.codeHost?.status,
    ).toBe('pending');

    const { affectedEntityRefs } = await codeHostRefresher.refreshAll();
    await expect(refresher.refreshEntities(affectedEntityRefs)).resolves.toBe(
      1,
    );
    expect(
      store.current.get('component:default/gateway')?.codeHost?.status,
    ).toBe('fresh');
  });
});

describe('describeAge', () => {
  it('says ages as people do', () => {
    expect(describeAge(9 * DAY + 3 * HOUR)).toBe('9 days');
    expect(describeAge(DAY)).toBe('1 day');
    expect(describeAge(5 * HOUR)).toBe('5 hours');
    expect(describeAge(60_000)).toBe('1 minute');
    expect(describeAge(0)).toBe('0 minutes');
  });
});
