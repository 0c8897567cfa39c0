import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  CheckResult,
  ScorecardCheckDefinition,
} from '@innersource/backstage-plugin-innersource-common';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import {
  api,
  component,
  group,
  systemEntity,
  user,
} from './__testUtils__/entities';
import { MemoryScorecardStore } from './__testUtils__/MemoryScorecardStore';
import { readScorecardSettings, SCORECARD_ENTITY_FIELDS } from './config';
import { ScorecardRefresher } from './ScorecardRefresher';

const NOW = new Date('2026-03-10T12:00:00Z');

const catalogEntities: Entity[] = [
  component('gateway', {
    owner: 'payments',
    title: 'Payments Gateway',
    description: 'Takes card payments for every shop in the group',
    annotations: {
      'innersource/trusted-committers': 'user:jane, group:payments, user:ghost',
      'innersource/skills': 'kotlin',
    },
  }),
  component('solo', { owner: 'user:jane' }),
  component('orphan', { owner: 'group:nobody' }),
  component('ownerless'),
  systemEntity('checkout', 'payments'),
  api('payments-api', 'payments'),
  group('payments'),
  user('jane'),
];

function setup(
  entities: Entity[],
  options: {
    pageSize?: number;
    config?: object;
    checks?: ScorecardCheckDefinition[];
    entityFields?: string[];
    now?: () => Date;
  } = {},
) {
  const store = new MemoryScorecardStore();
  const fake = fakeCatalog(entities);
  const settings = readScorecardSettings(
    new ConfigReader({ innersource: { scorecards: options.config ?? {} } }),
    { checks: options.checks, entityFields: options.entityFields },
  );
  const refresher = new ScorecardRefresher({
    catalog: fake.catalog,
    auth: mockServices.auth(),
    store,
    logger: mockServices.logger.mock(),
    settings,
    pageSize: options.pageSize,
    clock: options.now ?? (() => NOW),
  });
  return { store, fake, refresher };
}

const resultOf = (results: CheckResult[], checkId: string) =>
  results.find(r => r.checkId === checkId);

describe('ScorecardRefresher', () => {
  it('scores every Component and System by default, with the catalog facts', async () => {
    const { refresher, store } = setup(catalogEntities);

    await expect(refresher.refreshAll()).resolves.toEqual({
      scored: 5,
      removed: 0,
      pruned: 0,
      complete: true,
    });

    expect([...store.current.keys()].sort()).toEqual([
      'component:default/gateway',
      'component:default/orphan',
      'component:default/ownerless',
      'component:default/solo',
      'system:default/checkout',
    ]);

    const gateway = store.current.get('component:default/gateway')!;
    expect(gateway).toMatchObject({
      entityRef: 'component:default/gateway',
      kind: 'Component',
      namespace: 'default',
      name: 'gateway',
      title: 'Payments Gateway',
      owner: 'group:default/payments',
      computedAt: NOW.toISOString(),
    });
    expect(resultOf(gateway.results, 'owner-is-team')).toMatchObject({
      status: 'pass',
    });
    // Two of the three trusted committers exist in the catalog.
    expect(resultOf(gateway.results, 'trusted-committers')).toMatchObject({
      status: 'warn',
      evidence: expect.stringContaining('user:default/ghost'),
    });
    // No code host yet: those checks are not reported.
    expect(resultOf(gateway.results, 'readme')).toMatchObject({
      status: 'not-reported',
    });

    expect(
      resultOf(
        store.current.get('component:default/solo')!.results,
        'owner-is-team',
      ),
    ).toMatchObject({
      status: 'fail',
      evidence: expect.stringContaining('user'),
    });
    expect(
      resultOf(
        store.current.get('component:default/orphan')!.results,
        'owner-is-team',
      ),
    ).toMatchObject({
      status: 'warn',
      evidence: 'spec.owner group:default/nobody does not exist in the catalog',
    });
    expect(store.current.get('component:default/ownerless')!.owner).toBe(
      undefined,
    );
  });

  it('pages through the catalog with its own credentials and only the fields the checks need', async () => {
    const entities = Array.from({ length: 5 }, (_, i) =>
      component(`c${i}`, { owner: 'payments' }),
    );
    const { refresher, fake, store } = setup([...entities, group('payments')], {
      pageSize: 2,
      entityFields: ['spec.profile'],
    });

    await refresher.refreshAll();

    const calls = fake.calls.queryEntities.mock.calls;
    expect(calls).toHaveLength(3);
    const fields = [...SCORECARD_ENTITY_FIELDS, 'spec.profile'];
    expect(calls[0][0]).toEqual({
      filter: [{ kind: 'component' }, { kind: 'system' }],
      limit: 2,
      fields,
    });
    expect(calls[1][0]).toEqual({
      cursor: expect.any(String),
      limit: 2,
      fields,
    });
    for (const [, { credentials }] of calls) {
      expect(credentials).toEqual(mockCredentials.service('plugin:test'));
    }
    // The facts are looked up in one batch per page, with only the identity fields.
    for (const [request, { credentials }] of fake.calls.getEntitiesByRefs.mock
      .calls) {
      expect(request.fields).toEqual([
        'kind',
        'metadata.namespace',
        'metadata.name',
      ]);
      expect(credentials).toEqual(mockCredentials.service('plugin:test'));
    }
    expect(fake.calls.getEntitiesByRefs).toHaveBeenCalledTimes(3);
    expect(store.current.size).toBe(5);
  });

  it('scores what innersource.scorecards.entities selects', async () => {
    const { refresher, store } = setup(catalogEntities, {
      config: { entities: { kind: 'api' } },
    });
    await refresher.refreshAll();
    expect([...store.current.keys()]).toEqual(['api:default/payments-api']);
  });

  it('uses the configured checks and the checks of extensions', async () => {
    const onCall: ScorecardCheckDefinition = {
      id: 'on-call',
      title: 'On call',
      level: 'silver',
      weight: 1,
      needs: 'annotations',
      description: 'd',
      remediation: 'r',
      evaluate: () => ({ status: 'pass', evidence: 'yes' }),
    };
    const { refresher, store } = setup([component('a')], {
      checks: [onCall],
      config: { checks: { readme: { enabled: false } } },
    });
    await refresher.refreshAll();
    const { results } = store.current.get('component:default/a')!;
    expect(resultOf(results, 'readme')).toBeUndefined();
    expect(resultOf(results, 'on-call')).toEqual({
      checkId: 'on-call',
      status: 'pass',
      evidence: 'yes',
    });
  });

  it('purges the scorecards of entities that left the catalog, after a complete cycle', async () => {
    const { refresher, store, fake } = setup(catalogEntities);
    await refresher.refreshAll();
    fake.setEntities([component('gateway', { owner: 'payments' })]);

    await expect(refresher.refreshAll()).resolves.toMatchObject({
      scored: 1,
      removed: 4,
      complete: true,
    });
    expect([...store.current.keys()]).toEqual(['component:default/gateway']);
    expect([...store.history.keys()]).toEqual(['component:default/gateway']);
  });

  it('purges nothing when the cycle is aborted or the catalog fails part-way', async () => {
    const entities = Array.from({ length: 4 }, (_, i) => component(`c${i}`));
    const { refresher, store, fake } = setup(entities, { pageSize: 2 });
    await refresher.refreshAll();
    fake.setEntities(entities.slice(0, 3));

    const controller = new AbortController();
    controller.abort();
    await expect(refresher.refreshAll(controller.signal)).resolves.toEqual({
      scored: 2,
      removed: 0,
      pruned: 0,
      complete: false,
    });
    expect(store.current.size).toBe(4);

    fake.calls.queryEntities.mockImplementationOnce(async () => {
      throw new Error('catalog down');
    });
    await expect(refresher.refreshAll()).rejects.toThrow('catalog down');
    expect(store.current.size).toBe(4);
  });

  it('keeps one history point per day and prunes points past the retention', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const { refresher, store } = setup([component('a')], {
      config: { history: { retentionDays: 3 } },
      now: () => now,
    });
    for (const day of ['01', '02', '03', '04']) {
      now = new Date(`2026-03-${day}T10:00:00Z`);
      await refresher.refreshAll();
      now = new Date(`2026-03-${day}T22:00:00Z`);
      await refresher.refreshAll();
    }
    expect(
      (await store.getHistory('component:default/a')).map(p => p.day),
    ).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(refresher.retentionStart()).toBe('2026-03-02');
  });

  it('scores one entity on demand with the same fields and selection', async () => {
    const { refresher, store, fake } = setup(catalogEntities);
    const scorecard = await refresher.refreshEntity(
      'component:default/gateway',
    );
    expect(scorecard).toMatchObject({
      entityRef: 'component:default/gateway',
      owner: 'group:default/payments',
    });
    expect(store.current.get('component:default/gateway')).toEqual(scorecard);
    expect(fake.calls.getEntitiesByRefs.mock.calls[0][0]).toEqual({
      entityRefs: ['component:default/gateway'],
      filter: [{ kind: 'component' }, { kind: 'system' }],
      fields: SCORECARD_ENTITY_FIELDS,
    });

    await expect(
      refresher.refreshEntity('api:default/payments-api'),
    ).resolves.toBeUndefined();
    await expect(
      refresher.refreshEntity('component:default/nope'),
    ).resolves.toBeUndefined();
    await expect(
      refresher.isSelected('api:default/payments-api'),
    ).resolves.toBe(false);
    await expect(
      refresher.isSelected('component:default/gateway'),
    ).resolves.toBe(true);
  });
});
