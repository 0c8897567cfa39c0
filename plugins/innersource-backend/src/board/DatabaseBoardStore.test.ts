import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { boardEntry as entry } from '../__testUtils__/fixtures';
import { DatabaseBoardStore } from './DatabaseBoardStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const complete = entry('payments-gateway', {
  title: 'Payments Gateway',
  description: 'Takes card payments for every shop',
  owner: 'group:default/payments',
  system: 'system:default/checkout',
  domain: 'domain:default/commerce',
  tags: ['java', 'payments'],
  asks: [
    { type: 'docs', text: 'Write a Kotlin quickstart' },
    { text: 'Add Klarna' },
  ],
  asksValidUntil: '2035-12-31',
  skills: ['Kotlin', 'spring-boot'],
  contributionTypes: ['code', 'docs'],
  trustedCommitters: ['user:default/jane-doe'],
  contributing: {
    type: 'url',
    url: 'https://git.example.com/payments/CONTRIBUTING.md',
  },
  chat: { type: 'channel', name: '#payments-dev' },
  responseTime: { text: '2d', hours: 48 },
});

const t1 = new Date('2026-01-01T10:00:00Z');
const t2 = new Date('2026-01-02T10:00:00Z');
const t3 = new Date('2026-01-03T10:00:00Z');

describe('DatabaseBoardStore', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseBoardStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('stores every field of an entry and reads it back', async () => {
      const { store } = await createStore();
      await expect(store.upsertEntries([complete], { now: t1 })).resolves.toBe(
        1,
      );
      await expect(store.listEntries()).resolves.toEqual([
        { ...complete, asksUpdatedAt: t1, updatedAt: t1 },
      ]);
    });

    it('leaves out what an entry does not have', async () => {
      const { store } = await createStore();
      await store.upsertEntries([entry('bare')], { now: t1 });
      const [stored] = await store.listEntries();
      expect(stored).toEqual({
        ...entry('bare'),
        asksUpdatedAt: t1,
        updatedAt: t1,
      });
      expect(stored.title).toBeUndefined();
      expect(stored.contributing).toBeUndefined();
    });

    it('keeps the times of entries that did not change and does not write them', async () => {
      const { store } = await createStore();
      await store.upsertEntries([complete, entry('other')], { now: t1 });
      const revision = await store.getRevision();

      await expect(
        store.upsertEntries([complete, entry('other')], { now: t2 }),
      ).resolves.toBe(0);

      expect(await store.getRevision()).toBe(revision);
      const stored = await store.listEntries();
      expect(stored.map(e => e.updatedAt)).toEqual([t1, t1]);
    });

    it('moves asksUpdatedAt only when the asks or their end date change', async () => {
      const { store } = await createStore();
      await store.upsertEntries([complete], { now: t1 });

      await store.upsertEntries([{ ...complete, title: 'Payments' }], {
        now: t2,
      });
      let [stored] = await store.listEntries();
      expect(stored.title).toBe('Payments');
      expect(stored.updatedAt).toEqual(t2);
      expect(stored.asksUpdatedAt).toEqual(t1);

      await store.upsertEntries(
        [{ ...complete, title: 'Payments', asksValidUntil: '2036-01-31' }],
        { now: t3 },
      );
      [stored] = await store.listEntries();
      expect(stored.asksUpdatedAt).toEqual(t3);
    });

    it('updates an entry in place, keeping one row per entity', async () => {
      const { store } = await createStore();
      await store.upsertEntries([complete], { now: t1 });
      await store.upsertEntries(
        [{ ...complete, asks: [], skills: ['go'], owner: undefined }],
        { now: t2 },
      );
      const stored = await store.listEntries();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ asks: [], skills: ['go'] });
      expect(stored[0].owner).toBeUndefined();
    });

    it('deletes entries by entity ref', async () => {
      const { store } = await createStore();
      await store.upsertEntries([entry('a'), entry('b'), entry('c')]);

      await expect(
        store.deleteEntries(['component:default/a', 'component:default/x']),
      ).resolves.toBe(1);

      const refs = (await store.listEntries()).map(e => e.entityRef).sort();
      expect(refs).toEqual(['component:default/b', 'component:default/c']);
    });

    it('purges every entry that is not kept', async () => {
      const { store } = await createStore();
      await store.upsertEntries([entry('a'), entry('b'), entry('c')]);

      await expect(
        store.purgeEntriesExcept(['component:default/b']),
      ).resolves.toBe(2);
      expect((await store.listEntries()).map(e => e.entityRef)).toEqual([
        'component:default/b',
      ]);

      await expect(store.purgeEntriesExcept([])).resolves.toBe(1);
      await expect(store.listEntries()).resolves.toEqual([]);
    });

    it('handles more entries than fit in one statement', async () => {
      const { store } = await createStore();
      const many = Array.from({ length: 450 }, (_, i) =>
        entry(`service-${i}`, { asks: [{ text: `Ask ${i}` }] }),
      );
      await expect(store.upsertEntries(many)).resolves.toBe(450);
      await expect(
        store.purgeEntriesExcept(many.slice(0, 10).map(e => e.entityRef)),
      ).resolves.toBe(440);
      expect(await store.listEntries()).toHaveLength(10);
    });

    it('changes the revision with every change, and only then', async () => {
      const { store } = await createStore();
      const revisions = [await store.getRevision()];
      await store.upsertEntries([entry('a'), entry('b')]);
      revisions.push(await store.getRevision());
      await store.deleteEntries(['component:default/nothing']);
      revisions.push(await store.getRevision());
      await store.deleteEntries(['component:default/a']);
      revisions.push(await store.getRevision());
      await store.purgeEntriesExcept([]);
      revisions.push(await store.getRevision());

      expect(revisions[1]).not.toBe(revisions[0]);
      expect(revisions[2]).toBe(revisions[1]);
      expect(revisions[3]).not.toBe(revisions[2]);
      expect(revisions[4]).not.toBe(revisions[3]);
    });

    it('lets two stores on one database see each other’s writes, as replicas do', async () => {
      const { knex, store } = await createStore();
      const replica = await DatabaseBoardStore.create({
        database: mockServices.database({ knex }),
      });
      const before = await replica.getRevision();
      await store.upsertEntries([entry('a')]);
      expect(await replica.getRevision()).not.toBe(before);
      expect(await replica.listEntries()).toHaveLength(1);
    });
  });
});
