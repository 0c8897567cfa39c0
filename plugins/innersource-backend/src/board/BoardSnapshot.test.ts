import { mockServices } from '@backstage/backend-test-utils';
import { storedEntry } from '../__testUtils__/fixtures';
import { EntityRefIds } from '../lib/EntityRefIds';
import { BoardSnapshot } from './BoardSnapshot';
import { BoardStore } from './BoardStore';
import { StoredBoardEntry } from './types';

/** A store shared by "replicas", counting its reads. */
function sharedStore() {
  let entries: StoredBoardEntry[] = [];
  let revision = 0;
  const reads = { lists: 0 };
  const store: BoardStore = {
    async upsertEntries() {
      throw new Error('not used');
    },
    async deleteEntries() {
      throw new Error('not used');
    },
    async purgeEntriesExcept() {
      throw new Error('not used');
    },
    async listEntries() {
      reads.lists++;
      return entries;
    },
    async getRevision() {
      return revision;
    },
  };
  const write = (next: StoredBoardEntry[]) => {
    entries = next;
    revision++;
  };
  return { store, write, reads };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('BoardSnapshot', () => {
  function snapshotOf(store: BoardStore, clock: () => number) {
    return new BoardSnapshot({
      store,
      ids: new EntityRefIds(),
      logger: mockServices.logger.mock(),
      revisionCheckIntervalMs: 5_000,
      clock,
    });
  }

  it('loads the board once for concurrent first requests', async () => {
    const { store, write, reads } = sharedStore();
    write([storedEntry('a')]);
    const snapshot = snapshotOf(store, () => 0);
    const [one, two] = await Promise.all([
      snapshot.current(),
      snapshot.current(),
    ]);
    expect(one).toBe(two);
    expect(one.size).toBe(1);
    expect(reads.lists).toBe(1);
  });

  it('sees its own writes at once through reload', async () => {
    const { store, write } = sharedStore();
    const snapshot = snapshotOf(store, () => 0);
    expect((await snapshot.current()).size).toBe(0);
    write([storedEntry('a')]);
    expect((await snapshot.reload()).size).toBe(1);
    expect((await snapshot.current()).size).toBe(1);
  });

  it('notices another replica’s write after the check interval, without making requests wait', async () => {
    const { store, write, reads } = sharedStore();
    let now = 0;
    const snapshot = snapshotOf(store, () => now);
    await snapshot.current();

    write([storedEntry('a')]);
    now = 4_999;
    expect((await snapshot.current()).size).toBe(0);
    await flush();
    expect(reads.lists).toBe(1);

    now = 5_000;
    // The request is answered from memory; the reload runs behind it.
    expect((await snapshot.current()).size).toBe(0);
    await flush();
    await flush();
    expect((await snapshot.current()).size).toBe(1);
    expect(reads.lists).toBe(2);
  });

  it('does not reload when nothing changed', async () => {
    const { store, reads } = sharedStore();
    let now = 0;
    const snapshot = snapshotOf(store, () => now);
    await snapshot.current();
    now = 60_000;
    await snapshot.current();
    await flush();
    await flush();
    expect(reads.lists).toBe(1);
  });
});
