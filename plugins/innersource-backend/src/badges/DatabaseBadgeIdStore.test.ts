import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseBadgeIdStore, isBadgeId } from './DatabaseBadgeIdStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('DatabaseBadgeIdStore', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function createStores() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      // Two stores on one database, as two backend replicas.
      return {
        knex,
        first: await DatabaseBadgeIdStore.create({ database }),
        second: await DatabaseBadgeIdStore.create({ database }),
      };
    }

    it('creates a random UUID v4 per entity on first use and keeps it', async () => {
      const { first } = await createStores();
      const gateway = await first.idOf('component:default/gateway');
      const ledger = await first.idOf('component:default/ledger');
      expect(isBadgeId(gateway)).toBe(true);
      expect(ledger).not.toBe(gateway);
      await expect(first.idOf('component:default/gateway')).resolves.toBe(
        gateway,
      );
      await expect(first.entityRefOf(gateway)).resolves.toBe(
        'component:default/gateway',
      );
    });

    it('gives every replica the same id, even when they create it at once', async () => {
      const { first, second } = await createStores();
      const [a, b] = await Promise.all([
        first.idOf('component:default/gateway'),
        second.idOf('component:default/gateway'),
      ]);
      expect(b).toBe(a);
      await expect(second.entityRefOf(a)).resolves.toBe(
        'component:default/gateway',
      );
    });

    it('knows no entity for ids never handed out, without asking for malformed ones', async () => {
      const { first, knex } = await createStores();
      await first.idOf('component:default/gateway');
      await expect(
        first.entityRefOf('7c9e6679-7425-40de-944b-e07fc1f90ae7'),
      ).resolves.toBeUndefined();
      await knex.destroy();
      await expect(first.entityRefOf("' or 1=1 --")).resolves.toBeUndefined();
    });
  });
});
