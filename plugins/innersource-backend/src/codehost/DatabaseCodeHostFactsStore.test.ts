import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  codeHostRepositoryKey,
  CodeHostRepository,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
import { DatabaseCodeHostFactsStore } from './DatabaseCodeHostFactsStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const repository: CodeHostRepository = {
  provider: 'github',
  host: 'github.com',
  slug: 'acme/payments',
  url: 'https://github.com/acme/payments',
};
const ref = {
  key: codeHostRepositoryKey(repository),
  provider: 'github',
  repository,
};

const facts: RepositoryFacts = {
  repository,
  files: { readme: true, codeowners: false },
  lastCommitAt: '2026-03-01T10:00:00Z',
  issues: {
    labels: ['good first issue'],
    openCount: 2,
    newest: [
      {
        title: 'Add Klarna',
        url: 'https://github.com/acme/payments/issues/7',
        labels: ['good first issue'],
        createdAt: '2026-02-28T09:00:00Z',
      },
    ],
  },
};

const READ_AT = new Date('2026-03-10T12:00:00.000Z');
const LATER = new Date('2026-03-10T12:15:00.000Z');

describe('DatabaseCodeHostFactsStore', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseCodeHostFactsStore.create({
        database: mockServices.database({ knex }),
      });
    }

    it('saves the facts of a read and gives them back with the labels, window and token', async () => {
      const store = await createStore();
      await store.saveRead(ref, {
        facts,
        changeToken: 'pushed:2026-03-01',
        issueLabels: ['good first issue'],
        windowDays: 180,
        at: READ_AT,
      });

      const stored = await store.getRepositories([ref.key, 'github:unknown']);
      expect([...stored.keys()]).toEqual([ref.key]);
      expect(stored.get(ref.key)).toEqual({
        key: ref.key,
        provider: 'github',
        repository,
        facts,
        readAt: READ_AT,
        changeToken: 'pushed:2026-03-01',
        issueLabels: ['good first issue'],
        windowDays: 180,
        lastAttemptAt: READ_AT,
        consecutiveFailures: 0,
        notFound: false,
      });
    });

    it('keeps the last good facts when an attempt fails, and counts the failures', async () => {
      const store = await createStore();
      await store.saveRead(ref, {
        facts,
        issueLabels: ['good first issue'],
        windowDays: 180,
        at: READ_AT,
      });
      await store.saveFailure(ref, {
        reason: 'GitHub answered 502',
        at: LATER,
        notFound: false,
      });
      await store.saveFailure(ref, {
        reason: 'GitHub answered 503',
        at: new Date(LATER.getTime() + 60_000),
        notFound: false,
      });

      const stored = (await store.getRepositories([ref.key])).get(ref.key)!;
      expect(stored).toMatchObject({
        facts,
        readAt: READ_AT,
        lastFailure: 'GitHub answered 503',
        lastFailureAt: new Date(LATER.getTime() + 60_000),
        consecutiveFailures: 2,
        notFound: false,
      });

      // A good read clears the failure count; the last failure stays for the record.
      await store.saveRead(ref, {
        facts: { ...facts, lastCommitAt: '2026-03-10T11:00:00Z' },
        issueLabels: ['good first issue'],
        windowDays: 180,
        at: new Date(LATER.getTime() + 120_000),
      });
      expect(
        (await store.getRepositories([ref.key])).get(ref.key),
      ).toMatchObject({
        facts: { lastCommitAt: '2026-03-10T11:00:00Z' },
        consecutiveFailures: 0,
        lastFailure: 'GitHub answered 503',
      });
    });

    it('records a failure of a repository never read, without facts', async () => {
      const store = await createStore();
      await store.saveFailure(ref, {
        reason: 'GitHub has no repository acme/payments',
        at: READ_AT,
        notFound: true,
      });
      const stored = (await store.getRepositories([ref.key])).get(ref.key)!;
      expect(stored.facts).toBeUndefined();
      expect(stored.readAt).toBeUndefined();
      expect(stored).toMatchObject({
        notFound: true,
        consecutiveFailures: 1,
        lastFailure: 'GitHub has no repository acme/payments',
      });
    });

    it('keeps the time of the next attempt for every replica, until a good read', async () => {
      const store = await createStore();
      const reset = new Date('2026-03-10T13:05:00.000Z');
      await store.saveFailure(ref, {
        reason: 'GitHub answered 403 (rate limit) until 13:05 UTC',
        at: READ_AT,
        nextAttemptAt: reset,
        notFound: false,
      });
      expect(
        (await store.getRepositories([ref.key])).get(ref.key)?.nextAttemptAt,
      ).toEqual(reset);

      await store.saveRead(ref, {
        facts,
        issueLabels: [],
        windowDays: 180,
        at: reset,
      });
      expect(
        (await store.getRepositories([ref.key])).get(ref.key)?.nextAttemptAt,
      ).toBeUndefined();
    });

    it('counts an unchanged change token as a read now, keeping the facts', async () => {
      const store = await createStore();
      await store.saveRead(ref, {
        facts,
        changeToken: 'a',
        issueLabels: ['good first issue'],
        windowDays: 180,
        at: READ_AT,
      });
      await store.saveUnchanged(ref, { at: LATER });
      expect(
        (await store.getRepositories([ref.key])).get(ref.key),
      ).toMatchObject({
        facts,
        readAt: LATER,
        changeToken: 'a',
        lastAttemptAt: LATER,
      });

      // Without facts to keep, "unchanged" stores nothing.
      const other = { ...ref, key: 'github:github.com/acme/other' };
      await store.saveUnchanged(other, { at: LATER });
      expect((await store.getRepositories([other.key])).size).toBe(0);
    });

    it('notes an attempt before its result is in', async () => {
      const store = await createStore();
      await store.noteAttempt(ref, READ_AT);
      expect((await store.getRepositories([ref.key])).get(ref.key)).toEqual({
        key: ref.key,
        provider: 'github',
        repository,
        lastAttemptAt: READ_AT,
        consecutiveFailures: 0,
        notFound: false,
      });
    });

    it('reads many repositories in batches', async () => {
      const store = await createStore();
      const refs = Array.from({ length: 1203 }, (_, i) => {
        const repo = { ...repository, slug: `acme/r${i}` };
        return {
          key: codeHostRepositoryKey(repo),
          provider: 'github',
          repository: repo,
        };
      });
      for (const each of refs.slice(0, 3)) {
        await store.noteAttempt(each, READ_AT);
      }
      await store.noteAttempt(refs[1202], READ_AT);
      const stored = await store.getRepositories(refs.map(r => r.key));
      expect([...stored.keys()].sort()).toEqual(
        [refs[0], refs[1], refs[2], refs[1202]].map(r => r.key).sort(),
      );
    });
  });
});
