import {
  createBackendModule,
  createServiceFactory,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { innersourceCodeHostExtensionPoint } from '@innersource/backstage-plugin-innersource-node';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { CODE_HOST_REFRESH_TASK_ID, innersourcePlugin } from '../plugin';
import { component } from '../scorecards/__testUtils__/entities';
import {
  TEST_SLUG_ANNOTATION,
  TestCodeHostProvider,
} from './__testUtils__/testProvider';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function providerModule(moduleId: string, provider: TestCodeHostProvider) {
  return createBackendModule({
    pluginId: 'innersource',
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: { codeHost: innersourceCodeHostExtensionPoint },
        async init({ codeHost }) {
          codeHost.addProvider(provider);
        },
      });
    },
  });
}

async function start(modules: ReturnType<typeof providerModule>[]) {
  const knex = await databases.init('SQLITE_3');
  const scheduler = mockServices.scheduler.mock();
  const { catalog } = fakeCatalog([
    component('gateway', {
      owner: 'payments',
      annotations: { [TEST_SLUG_ANNOTATION]: 'acme/gateway' },
    }),
  ]);
  await startTestBackend({
    features: [
      innersourcePlugin,
      ...modules,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
      scheduler.factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () =>
          ({ send: jest.fn(async () => {}) } as unknown as NotificationService),
      }),
      mockServices.database.factory({ knex }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  const tasks = scheduler.scheduleTask.mock.calls.map(
    ([task]) =>
      task as SchedulerServiceTaskScheduleDefinition & {
        id: string;
        fn: (signal: AbortSignal) => Promise<void>;
        scope?: string;
      },
  );
  return { tasks };
}

describe('the code-host facts of the backend plugin', () => {
  it('reads code-host facts on a schedule once a module adds a provider, soon after start-up', async () => {
    const provider = new TestCodeHostProvider();
    const { tasks } = await start([providerModule('test', provider)]);

    const task = tasks.find(t => t.id === CODE_HOST_REFRESH_TASK_ID);
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { minutes: 15 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 5 },
    });
    await task!.fn(new AbortController().signal);
    expect(provider.slugsRead()).toEqual([['acme/gateway']]);
  });

  it('schedules no code-host cycle without a provider', async () => {
    const { tasks } = await start([]);
    expect(tasks.map(t => t.id)).not.toContain(CODE_HOST_REFRESH_TASK_ID);
  });

  it('refuses to start when two providers share an id', async () => {
    await expect(
      start([
        providerModule('one', new TestCodeHostProvider('github')),
        providerModule('two', new TestCodeHostProvider('github')),
      ]),
    ).rejects.toThrow('Two code-host providers have the id "github"');
  });
});
