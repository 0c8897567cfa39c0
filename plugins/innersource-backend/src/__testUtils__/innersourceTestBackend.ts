import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { innersourcePlugin } from '../plugin';
import { fakeCatalog } from './fakeCatalog';
import { wantedComponent } from './fixtures';

/** The entity Mallory may not read in the API tests. */
export const SECRET = 'component:default/secret-ledger';

/**
 * The catalog the API tests share: a payments gateway, a storefront, the
 * ledger only some may read, and a title that a spreadsheet would run.
 */
export const apiTestEntities: Entity[] = [
  wantedComponent('gateway', {
    title: 'Payments Gateway',
    description: 'Takes card payments',
    owner: 'payments',
    system: 'checkout',
    tags: ['java', 'payments'],
    annotations: {
      'innersource/help-wanted':
        '[docs] Write a Kotlin quickstart\n[code] Add Klarna\n[code] Add iDEAL',
      'innersource/help-wanted-until': '2035-12-31',
      'innersource/skills': 'kotlin, java',
      'innersource/contribution-types': 'code, docs',
    },
  }),
  wantedComponent('storefront', {
    title: 'Storefront',
    owner: 'web',
    annotations: {
      'innersource/skills': 'typescript, react',
      'innersource/help-wanted': 'Make the basket accessible; Add dark mode',
    },
  }),
  wantedComponent('secret-ledger', {
    title: 'Ledger',
    description: 'Double-entry bookkeeping',
    owner: 'finance',
    tags: ['ledger'],
    annotations: {
      'innersource/skills': 'java, cobol',
      'innersource/help-wanted':
        '[tests] Property tests for rounding; [review] Review the bookings',
    },
  }),
];

/**
 * The plugin in a test backend on one of `databases`, with the in-memory
 * catalog of `entities` (Mallory may not read {@link SECRET}), recorded
 * notifications, and requests without a token answered as anonymous, as in
 * a real backend.
 */
export async function startInnersourceTestBackend(
  databases: TestDatabases,
  databaseId: string,
  entities: Entity[],
) {
  const knex = await databases.init(databaseId as 'SQLITE_3');
  const fake = fakeCatalog(entities, {
    deny: { 'user:default/mallory': [SECRET] },
  });
  const notifications = { send: jest.fn<Promise<void>, any[]>(async () => {}) };
  const backend = await startTestBackend({
    features: [
      innersourcePlugin,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => notifications as NotificationService,
      }),
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => fake.catalog,
      }),
    ],
  });
  return { backend, fake, notifications };
}
