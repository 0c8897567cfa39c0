import { LoggerService } from '@backstage/backend-plugin-api';
import { EntityRefIds } from '../lib/EntityRefIds';
import { RevisionedSnapshot } from '../lib/RevisionedSnapshot';
import { BoardIndex } from './BoardIndex';
import { BoardStore } from './BoardStore';

/**
 * The stored board as an in-memory {@link BoardIndex}, so that requests never wait
 * for the database. Reloaded right after this replica writes, and within a few
 * seconds of another replica's write (noticed through the store's revision).
 */
export class BoardSnapshot {
  private readonly snapshot: RevisionedSnapshot<BoardIndex>;

  constructor(options: {
    store: BoardStore;
    ids: EntityRefIds;
    logger: LoggerService;
    revisionCheckIntervalMs?: number;
    clock?: () => number;
  }) {
    const { store, ids } = options;
    this.snapshot = new RevisionedSnapshot({
      getRevision: () => store.getRevision(),
      load: async () => new BoardIndex(await store.listEntries(), ids),
      what: 'the help-wanted board',
      logger: options.logger,
      revisionCheckIntervalMs: options.revisionCheckIntervalMs,
      clock: options.clock,
    });
  }

  /** The board as last loaded; the first call waits for the load. */
  current(): Promise<BoardIndex> {
    return this.snapshot.current();
  }

  /**
   * Loads the board again, after any load under way, so that a write that just
   * finished is always seen.
   */
  reload(): Promise<BoardIndex> {
    return this.snapshot.reload();
  }
}
