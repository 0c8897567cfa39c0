import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { system, wantedComponent } from '../__testUtils__/fixtures';
import { BOARD_ENTITY_FIELDS } from './boardEntryFromEntity';
import { BoardRefresher } from './BoardRefresher';
import { DatabaseBoardStore } from './DatabaseBoardStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const catalogEntities: Entity[] = [
  wantedComponent('gateway', {
    system: 'checkout',
    annotations: { 'innersource/help-wanted': 'Add Klarna' },
  }),
  wantedComponent('ledger', { system: 'unknown-system' }),
  wantedComponent('closed', {
    annotations: { 'innersource/contributions-wanted': 'false' },
  }),
  {
    ...wantedComponent('plain'),
    metadata: { name: 'plain', namespace: 'default' },
  },
  system('checkout', 'commerce'),
];

describe('BoardRefresher', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function setup(entities: Entity[], pageSize?: number) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseBoardStore.create({
        database: mockServices.database({ knex }),
      });
      const fake = fakeCatalog(entities);
      const refresher = new BoardRefresher({
        catalog: fake.catalog,
        auth: mockServices.auth(),
        store,
        logger: mockServices.logger.mock(),
        pageSize,
      });
      const listed = async () =>
        (await store.listEntries()).map(e => e.entityRef).sort();
      return { store, fake, refresher, listed };
    }

    it('lists every entity that wants contributions, with the domain of its system', async () => {
      const { refresher, store, listed } = await setup(catalogEntities);

      await expect(refresher.refreshAll()).resolves.toEqual({
        listed: 2,
        changed: 2,
        removed: 0,
      });

      expect(await listed()).toEqual([
        'component:default/gateway',
        'component:default/ledger',
      ]);
      const entries = await store.listEntries();
      expect(entries.find(e => e.name === 'gateway')).toMatchObject({
        system: 'system:default/checkout',
        domain: 'domain:default/commerce',
        asks: [{ text: 'Add Klarna' }],
      });
      expect(entries.find(e => e.name === 'ledger')?.domain).toBeUndefined();
    });

    it('pages through the catalog with its own credentials and only the fields the board needs', async () => {
      const entities = Array.from({ length: 5 }, (_, i) =>
        wantedComponent(`c${i}`),
      );
      const { refresher, fake, listed } = await setup(entities, 2);

      await refresher.refreshAll();

      const calls = fake.calls.queryEntities.mock.calls;
      expect(calls).toHaveLength(3);
      expect(calls[0][0]).toEqual({
        filter: {
          'metadata.annotations.innersource/contributions-wanted':
            CATALOG_FILTER_EXISTS,
        },
        limit: 2,
        fields: BOARD_ENTITY_FIELDS,
      });
      for (const [request, { credentials }] of calls) {
        expect(request?.fields).toEqual(BOARD_ENTITY_FIELDS);
        expect(credentials).toEqual(mockCredentials.service('plugin:test'));
      }
      expect(await listed()).toHaveLength(5);
    });

    it('removes entities that left the catalog or stopped wanting contributions', async () => {
      const { refresher, fake, listed } = await setup(catalogEntities);
      await refresher.refreshAll();

      fake.setEntities([
        wantedComponent('gateway', {
          annotations: { 'innersource/contributions-wanted': 'false' },
        }),
        wantedComponent('newcomer'),
      ]);
      await expect(refresher.refreshAll()).resolves.toEqual({
        listed: 1,
        changed: 1,
        removed: 2,
      });
      expect(await listed()).toEqual(['component:default/newcomer']);
    });

    it('writes nothing that did not change', async () => {
      const { refresher } = await setup(catalogEntities);
      await refresher.refreshAll();
      await expect(refresher.refreshAll()).resolves.toEqual({
        listed: 2,
        changed: 0,
        removed: 0,
      });
    });

    it('keeps the board as it was when the catalog fails part-way', async () => {
      const entities = Array.from({ length: 4 }, (_, i) =>
        wantedComponent(`c${i}`),
      );
      const { refresher, fake, listed } = await setup(entities, 2);
      await refresher.refreshAll();

      fake.setEntities([wantedComponent('only')]);
      fake.calls.queryEntities.mockRejectedValueOnce(new Error('timeout'));
      await expect(refresher.refreshAll()).rejects.toThrow('timeout');
      expect(await listed()).toHaveLength(4);
    });

    it('writes nothing when the refresh is aborted', async () => {
      const { refresher, listed } = await setup(catalogEntities);
      const controller = new AbortController();
      controller.abort();
      await refresher.refreshAll(controller.signal);
      expect(await listed()).toEqual([]);
    });

    it('refreshes one entity: adds it, updates it, and removes it once it no longer wants contributions', async () => {
      const { refresher, store, listed } = await setup(catalogEntities);

      const entry = await refresher.refreshEntity(catalogEntities[0]);
      expect(entry).toMatchObject({ domain: 'domain:default/commerce' });
      expect(await listed()).toEqual(['component:default/gateway']);

      await refresher.refreshEntity(
        wantedComponent('gateway', {
          annotations: { 'innersource/help-wanted': 'Add Klarna; Add iDEAL' },
        }),
      );
      expect((await store.listEntries())[0].asks).toHaveLength(2);

      await expect(
        refresher.refreshEntity(catalogEntities[2]),
      ).resolves.toBeUndefined();
      await refresher.refreshEntity(
        wantedComponent('gateway', {
          annotations: { 'innersource/contributions-wanted': 'false' },
        }),
      );
      expect(await listed()).toEqual([]);
    });
  });
});
