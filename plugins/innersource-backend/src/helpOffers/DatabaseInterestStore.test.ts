import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseInterestStore } from './DatabaseInterestStore';
import { InterestLimits } from './InterestStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const HOUR = 60 * 60 * 1000;
const limits: InterestLimits = {
  perUserAndEntity: { max: 1, windowMs: 24 * HOUR },
  perUser: { max: 3, windowMs: HOUR },
};
const start = new Date('2026-11-21T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('DatabaseInterestStore', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseInterestStore.create({
        database: mockServices.database({ knex }),
      });
      const record = (userRef: string, entityRef: string, now: Date) =>
        store.recordInterest({ userRef, entityRef, now, limits });
      return { knex, store, record };
    }

    it('allows one offer per user and entity a day, and says when the next may follow', async () => {
      const { record } = await createStore();
      expect(
        await record('user:default/a', 'component:default/x', start),
      ).toEqual({ recorded: true, id: expect.any(Number) });
      expect(
        await record('user:default/a', 'component:default/x', at(2 * HOUR)),
      ).toEqual({ recorded: false, retryAt: at(24 * HOUR) });
      // Another user, or another entity, is not held back.
      expect(
        (await record('user:default/b', 'component:default/x', at(2 * HOUR)))
          .recorded,
      ).toBe(true);
      expect(
        (await record('user:default/a', 'component:default/y', at(2 * HOUR)))
          .recorded,
      ).toBe(true);
      expect(
        (
          await record(
            'user:default/a',
            'component:default/x',
            at(24 * HOUR + 1),
          )
        ).recorded,
      ).toBe(true);
    });

    it('allows a user a few offers an hour, across entities', async () => {
      const { record } = await createStore();
      for (const [i, name] of ['p', 'q', 'r'].entries()) {
        expect(
          (
            await record(
              'user:default/a',
              `component:default/${name}`,
              at(i * 60_000),
            )
          ).recorded,
        ).toBe(true);
      }
      expect(
        await record('user:default/a', 'component:default/s', at(10 * 60_000)),
      ).toEqual({ recorded: false, retryAt: at(HOUR) });
      expect(
        (await record('user:default/a', 'component:default/s', at(HOUR + 1)))
          .recorded,
      ).toBe(true);
    });

    it('does not count an offer it was told to forget', async () => {
      const { store, record } = await createStore();
      const first = await record(
        'user:default/a',
        'component:default/x',
        start,
      );
      await store.deleteInterest((first as { id: number }).id);
      expect(
        (await record('user:default/a', 'component:default/x', at(1000)))
          .recorded,
      ).toBe(true);
    });

    it('purges offers older than the longest window', async () => {
      const { knex, record } = await createStore();
      await record('user:default/a', 'component:default/x', start);
      await record('user:default/b', 'component:default/x', at(HOUR));
      await record('user:default/c', 'component:default/x', at(24.5 * HOUR));
      const rows = await knex('interest')
        .orderBy('user_ref')
        .select('user_ref');
      expect(rows.map(row => row.user_ref)).toEqual([
        'user:default/b',
        'user:default/c',
      ]);
    });
  });
});
