import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_SCORECARD_CHECKS,
  EntityScorecard,
  ScorecardCheckDefinition,
  ScorecardOverview,
} from '@innersource/backstage-plugin-innersource-common';
import { innersourceScorecardChecksExtensionPoint } from '@innersource/backstage-plugin-innersource-node';
import request from 'supertest';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { openApiDocument, schemaErrors } from '../__testUtils__/openApi';
import { innersourcePlugin } from '../plugin';
import {
  api,
  component,
  group,
  systemEntity,
  user,
} from './__testUtils__/entities';

// The scorecard API as a frontend sees it: the plugin in a test backend, on
// SQLite and PostgreSQL, with the in-memory catalog of Backstage's test
// utilities. Mallory may not read the ledger; Eve may read everything but
// lacks the refresh permission.

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const alice = mockCredentials.user.header('user:default/alice');
const mallory = mockCredentials.user.header('user:default/mallory');
const eve = mockCredentials.user.header('user:default/eve');
const service = mockCredentials.service.header();
const SECRET = 'component:default/secret-ledger';

const onCallCheck: ScorecardCheckDefinition = {
  id: 'on-call',
  title: 'On-call documented',
  level: 'silver',
  weight: 1,
  needs: 'annotations',
  description: 'Names its on-call rotation.',
  remediation: 'Add a pagerduty.com/service-id annotation.',
  evaluate: ({ entity }) =>
    entity.metadata.annotations?.['pagerduty.com/service-id']
      ? { status: 'pass', evidence: 'pagerduty.com/service-id is set' }
      : { status: 'fail', evidence: 'no pagerduty.com/service-id annotation' },
};

const onCallModule = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'on-call-check',
  register(reg) {
    reg.registerInit({
      deps: { checks: innersourceScorecardChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(onCallCheck);
      },
    });
  },
});

const catalogEntities: Entity[] = [
  component('gateway', {
    owner: 'payments',
    title: 'Payments Gateway',
    description: 'Takes card payments for every shop in the group',
    annotations: {
      'innersource/skills': 'kotlin',
      'innersource/chat': '#payments',
      'innersource/trusted-committers': 'user:alice',
      'pagerduty.com/service-id': 'P123',
    },
  }),
  component('storefront', { owner: 'web', title: 'Storefront' }),
  component('secret-ledger', {
    owner: 'finance',
    description: 'Double-entry bookkeeping for the whole company',
  }),
  component('cashbox', { owner: 'finance' }),
  systemEntity('checkout', 'payments'),
  api('payments-api', 'payments'),
  group('payments'),
  group('web'),
  group('finance'),
  user('alice'),
];

/** Allows everything, except the refresh permission to Eve. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () =>
    ({
      async authorize(
        requests: any[],
        options: { credentials: BackstageCredentials },
      ) {
        const principal = options.credentials
          .principal as Partial<BackstageUserPrincipal>;
        return requests.map(() => ({
          result:
            principal.userEntityRef === 'user:default/eve'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests: any[]) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
    } as any),
});

async function startBackend(
  databaseId: string,
  options: { scorecards?: object; entities?: Entity[]; modules?: any[] } = {},
) {
  const knex = await databases.init(databaseId as 'SQLITE_3');
  const fake = fakeCatalog(options.entities ?? catalogEntities, {
    deny: { 'user:default/mallory': [SECRET] },
  });
  const backend = await startTestBackend({
    features: [
      innersourcePlugin,
      ...(options.modules ?? [onCallModule]),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          innersource: { scorecards: options.scorecards ?? {} },
        },
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () =>
          ({ send: jest.fn(async () => {}) } as unknown as NotificationService),
      }),
      mockServices.database.factory({ knex }),
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      permissionsFactory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => fake.catalog,
      }),
    ],
  });
  return { backend, fake };
}

describe('the scorecard API', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  it('documents every query parameter that GET /scorecards reads', () => {
    const documented = openApiDocument.paths['/scorecards'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect(documented.sort()).toEqual(
      ['level', 'owner', 'sort', 'limit', 'offset'].sort(),
    );
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    describe('with the scorecards scored at start-up', () => {
      let backend: TestBackend;
      let fake: ReturnType<typeof fakeCatalog>;
      const get = (path: string, header?: string) => {
        const req = request(backend.server).get(`/api/innersource${path}`);
        return header ? req.set('Authorization', header) : req;
      };
      const post = (path: string, header?: string) => {
        const req = request(backend.server).post(`/api/innersource${path}`);
        return header ? req.set('Authorization', header) : req;
      };

      beforeAll(async () => {
        ({ backend, fake } = await startBackend(databaseId));
      });
      afterAll(async () => {
        await backend.stop();
      });

      it('needs a token on every scorecard route', async () => {
        for (const path of [
          '/checks',
          '/scorecards',
          '/scorecards/component/default/gateway',
          '/scorecards/component/default/gateway/history',
        ]) {
          expect((await get(path)).status).toBe(401);
        }
        expect(
          (await post('/scorecards/component/default/gateway/refresh')).status,
        ).toBe(401);
      });

      it('GET /checks lists the configured checks, those of modules included, and the levels', async () => {
        const res = await get('/checks', alice);
        expect(res.status).toBe(200);
        expect(schemaErrors(res.body, 'ScorecardChecksResponse')).toEqual([]);
        expect(res.body.checks.map((c: { id: string }) => c.id)).toEqual([
          ...DEFAULT_SCORECARD_CHECKS.map(c => c.id),
          'on-call',
        ]);
        expect(res.body.checks.at(-1)).toEqual({
          id: 'on-call',
          title: 'On-call documented',
          level: 'silver',
          weight: 1,
          needs: 'annotations',
          description: 'Names its on-call rotation.',
          remediation: 'Add a pagerduty.com/service-id annotation.',
        });
        expect(res.body.levels.map((l: { id: string }) => l.id)).toEqual([
          'bronze',
          'silver',
          'gold',
        ]);
        expect((await get('/checks', service)).status).toBe(200);
      });

      it('GET /scorecards lists every readable scorecard with the team roll-up', async () => {
        const res = await get('/scorecards', alice);
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(schemaErrors(res.body, 'ScorecardOverview')).toEqual([]);
        const body = res.body as ScorecardOverview;
        expect(body.items.map(i => i.entityRef).sort()).toEqual([
          'component:default/cashbox',
          'component:default/gateway',
          SECRET,
          'component:default/storefront',
          'system:default/checkout',
        ]);
        expect(body.totalItems).toBe(5);
        expect(body.teams.map(t => [t.owner, t.entities])).toEqual([
          ['group:default/finance', 2],
          ['group:default/payments', 2],
          ['group:default/web', 1],
        ]);
        // Best first.
        const scores = body.items.map(i => i.score ?? -1);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });

      it('never shows or counts an entity the caller may not read, not even in the roll-up', async () => {
        const all = (await get('/scorecards', alice)).body as ScorecardOverview;
        const res = await get('/scorecards', mallory);
        const body = res.body as ScorecardOverview;
        expect(body.items.map(i => i.entityRef)).not.toContain(SECRET);
        expect(body.totalItems).toBe(all.totalItems - 1);
        const finance = (o: ScorecardOverview) =>
          o.teams.find(t => t.owner === 'group:default/finance')!;
        expect(finance(body).entities).toBe(1);
        const secret = all.items.find(i => i.entityRef === SECRET)!;
        const cashbox = all.items.find(
          i => i.entityRef === 'component:default/cashbox',
        )!;
        expect(finance(body).averageScore).toBe(cashbox.score);
        expect(
          Object.values(finance(body).levels).reduce((a, b) => a + b, 0),
        ).toBe(1);
        expect(finance(all).averageScore).toBe(
          Math.round((secret.score! + cashbox.score!) / 2),
        );

        const filtered = await get(
          '/scorecards?owner=finance&sort=name&limit=1&offset=1',
          mallory,
        );
        expect(filtered.body).toMatchObject({ items: [], totalItems: 1 });
        expect(filtered.body.teams).toHaveLength(1);
      });

      it('filters by level and owner, sorts and pages', async () => {
        const payments = await get(
          '/scorecards?owner=group:default/payments&sort=name',
          alice,
        );
        expect(
          payments.body.items.map((i: { name: string }) => i.name),
        ).toEqual(['checkout', 'gateway']);
        const none = await get('/scorecards?level=none', alice);
        for (const item of none.body.items) {
          expect(item.level).toBeUndefined();
        }
        const page = await get('/scorecards?sort=score-asc&limit=2', alice);
        expect(page.body.items).toHaveLength(2);
        expect(page.body.totalItems).toBe(5);
      });

      it('answers bad parameters with 400 naming the parameter', async () => {
        for (const [query, name] of [
          ['level=platinum', 'level'],
          ['sort=best', 'sort'],
          ['limit=1000', 'limit'],
          ['offset=-3', 'offset'],
          ['owner=group:', 'owner'],
          ['team=web', 'team'],
        ]) {
          const res = await get(`/scorecards?${query}`, alice);
          expect(res.status).toBe(400);
          expect(res.body.error.name).toBe('InputError');
          expect(res.body.error.message).toContain(
            `Invalid query parameter "${name}"`,
          );
        }
      });

      it('GET /scorecards/:kind/:namespace/:name gives the stored scorecard, with the checks of modules', async () => {
        const res = await get('/scorecards/component/default/gateway', alice);
        expect(res.status).toBe(200);
        expect(schemaErrors(res.body, 'EntityScorecard')).toEqual([]);
        const scorecard = res.body as EntityScorecard;
        expect(scorecard).toMatchObject({
          entityRef: 'component:default/gateway',
          kind: 'Component',
          name: 'gateway',
          title: 'Payments Gateway',
          owner: 'group:default/payments',
        });
        expect(scorecard.results.find(r => r.checkId === 'on-call')).toEqual({
          checkId: 'on-call',
          status: 'pass',
          evidence: 'pagerduty.com/service-id is set',
        });
        expect(
          scorecard.results.find(r => r.checkId === 'trusted-committers')
            ?.status,
        ).toBe('pass');
        expect(
          scorecard.results.find(r => r.checkId === 'readme')?.status,
        ).toBe('not-reported');
        // Kind and namespace are matched ignoring case, as refs are.
        expect(
          (await get('/scorecards/Component/Default/Gateway', alice)).body,
        ).toEqual(scorecard);
      });

      it('answers 404 alike for unknown and unreadable entities', async () => {
        const denied = await get(
          '/scorecards/component/default/secret-ledger',
          mallory,
        );
        const unknown = await get(
          '/scorecards/component/default/nope',
          mallory,
        );
        expect(denied.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(denied.body.error.message).toBe(`No entity ${SECRET} found`);
        expect(unknown.body.error.message).toBe(
          'No entity component:default/nope found',
        );
        expect(
          (await get('/scorecards/component/default/secret-ledger', alice))
            .status,
        ).toBe(200);
        const deniedHistory = await get(
          '/scorecards/component/default/secret-ledger/history',
          mallory,
        );
        expect(deniedHistory.status).toBe(404);
        expect(deniedHistory.body.error.message).toBe(
          `No entity ${SECRET} found`,
        );
      });

      it('tells a caller who may read the entity why it has no scorecard', async () => {
        const unselected = await get(
          '/scorecards/api/default/payments-api',
          alice,
        );
        expect(unselected.status).toBe(404);
        expect(unselected.body.error.message).toBe(
          'api:default/payments-api is not scored: innersource.scorecards.entities does not select it',
        );

        fake.setEntities([...catalogEntities, component('newcomer')]);
        const fresh = await get(
          '/scorecards/component/default/newcomer',
          alice,
        );
        expect(fresh.status).toBe(404);
        expect(fresh.body.error.message).toBe(
          'component:default/newcomer has not been scored yet; scorecards are computed on a schedule',
        );
        const freshHistory = await get(
          '/scorecards/component/default/newcomer/history',
          alice,
        );
        expect(freshHistory.status).toBe(404);
        expect(freshHistory.body.error.message).toContain(
          'has not been scored yet',
        );
        fake.setEntities(catalogEntities);
      });

      it('GET .../history gives one point for today', async () => {
        const res = await get(
          '/scorecards/component/default/gateway/history',
          alice,
        );
        expect(res.status).toBe(200);
        expect(schemaErrors(res.body, 'ScorecardHistory')).toEqual([]);
        const scorecard = (
          await get('/scorecards/component/default/gateway', alice)
        ).body as EntityScorecard;
        expect(res.body).toEqual({
          entityRef: 'component:default/gateway',
          points: [
            {
              day: scorecard.computedAt.slice(0, 10),
              score: scorecard.score,
              ...(scorecard.level ? { level: scorecard.level } : {}),
            },
          ],
        });
      });

      it('POST .../refresh scores the entity now, with the permission and read access', async () => {
        const before = (
          await get('/scorecards/component/default/storefront', alice)
        ).body as EntityScorecard;
        fake.setEntities(
          catalogEntities.map(e =>
            e.metadata.name === 'storefront'
              ? component('storefront', {
                  owner: 'web',
                  title: 'Storefront',
                  annotations: { 'pagerduty.com/service-id': 'P9' },
                })
              : e,
          ),
        );

        const res = await post(
          '/scorecards/component/default/storefront/refresh',
          alice,
        );
        expect(res.status).toBe(200);
        expect(schemaErrors(res.body, 'EntityScorecard')).toEqual([]);
        expect(
          res.body.results.find(
            (r: { checkId: string }) => r.checkId === 'on-call',
          ).status,
        ).toBe('pass');
        expect(res.body.computedAt >= before.computedAt).toBe(true);
        // Served at once by the GET routes.
        expect(
          (await get('/scorecards/component/default/storefront', alice)).body,
        ).toEqual(res.body);
        fake.setEntities(catalogEntities);
      });

      it('POST .../refresh answers 403 without the permission, 404 for unreadable or unknown entities', async () => {
        const forbidden = await post(
          '/scorecards/component/default/gateway/refresh',
          eve,
        );
        expect(forbidden.status).toBe(403);
        expect(forbidden.body.error.message).toContain(
          'innersource.scorecard.refresh',
        );
        const denied = await post(
          '/scorecards/component/default/secret-ledger/refresh',
          mallory,
        );
        expect(denied.status).toBe(404);
        expect(denied.body.error.message).toBe(`No entity ${SECRET} found`);
        expect(
          (await post('/scorecards/component/default/nope/refresh', alice))
            .status,
        ).toBe(404);
        const unselected = await post(
          '/scorecards/api/default/payments-api/refresh',
          alice,
        );
        expect(unselected.status).toBe(404);
        expect(unselected.body.error.message).toContain('does not select it');
        // Eve may still read.
        expect(
          (await get('/scorecards/component/default/gateway', eve)).status,
        ).toBe(200);
      });
    });

    it('refuses to start on an invalid configuration, naming the key', async () => {
      await expect(
        startBackend(databaseId, {
          scorecards: {
            checks: { readme: { weight: 'heavy' } },
            history: { retentionDays: -1 },
          },
        }),
      ).rejects.toThrow(
        /innersource\.scorecards\.checks\.readme\.weight must be a positive number[\s\S]*innersource\.scorecards\.history\.retentionDays/,
      );
      await expect(
        startBackend(databaseId, {
          scorecards: { schedule: { timeout: 'soon' } },
        }),
      ).rejects.toThrow(/innersource\.scorecards\.schedule\.timeout/);
    });

    it('refuses to start when a module adds a check with a taken id', async () => {
      const duplicate = createBackendModule({
        pluginId: 'innersource',
        moduleId: 'duplicate-check',
        register(reg) {
          reg.registerInit({
            deps: { checks: innersourceScorecardChecksExtensionPoint },
            async init({ checks }) {
              checks.addChecks({ ...onCallCheck, id: 'readme' });
            },
          });
        },
      });
      await expect(
        startBackend(databaseId, { modules: [duplicate] }),
      ).rejects.toThrow('Two scorecard checks have the id "readme"');
    });

    it('scores only the configured selection, and no module check without modules', async () => {
      const { backend } = await startBackend(databaseId, {
        modules: [],
        scorecards: { entities: { kind: 'system' } },
      });
      const checks = await request(backend.server)
        .get('/api/innersource/checks')
        .set('Authorization', alice);
      expect(checks.body.checks.map((c: { id: string }) => c.id)).not.toContain(
        'on-call',
      );
      const overview = await request(backend.server)
        .get('/api/innersource/scorecards')
        .set('Authorization', alice);
      expect(
        overview.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual(['system:default/checkout']);
      await backend.stop();
    });
  });
});
