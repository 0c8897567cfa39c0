import { LoggerService } from '@backstage/backend-plugin-api';
import { BoardStore } from '../database/BoardStore';
import { BoardIndex } from './BoardIndex';
import { EntityRefIds } from './EntityRefIds';

/** How often a replica asks the database whether another replica changed the board. */
export const DEFAULT_REVISION_CHECK_INTERVAL_MS = 5_000;

/**
 * The stored board as an in-memory {@link BoardIndex}, so that requests never wait
 * for the database. Reloaded right after this replica writes, and within a few
 * seconds of another replica's write (noticed through the store's revision).
 */
export class BoardSnapshot {
  private index?: BoardIndex;
  private revision = -1;
  private checkedAt = 0;
  private checking = false;
  private loading?: Promise<BoardIndex>;

  constructor(
    private readonly options: {
      store: BoardStore;
      ids: EntityRefIds;
      logger: LoggerService;
      revisionCheckIntervalMs?: number;
      clock?: () => number;
    },
  ) {}

  /** The board as last loaded; the first call waits for the load. */
  async current(): Promise<BoardIndex> {
    if (!this.index) {
      return this.loading ?? this.reload();
    }
    const interval =
      this.options.revisionCheckIntervalMs ??
      DEFAULT_REVISION_CHECK_INTERVAL_MS;
    if (!this.checking && this.now() - this.checkedAt >= interval) {
      this.checking = true;
      this.checkRevision().finally(() => {
        this.checking = false;
      });
    }
    return this.index;
  }

  /**
   * Loads the board again, after any load under way, so that a write that just
   * finished is always seen.
   */
  reload(): Promise<BoardIndex> {
    const previous = this.loading ?? Promise.resolve();
    const loading = previous
      .catch(() => undefined)
      .then(() => this.load())
      .finally(() => {
        if (this.loading === loading) {
          this.loading = undefined;
        }
      });
    this.loading = loading;
    return loading;
  }

  private async load(): Promise<BoardIndex> {
    const { store, ids } = this.options;
    // The revision is read first: a write during the load shows up as a newer
    // revision at the next check.
    const revision = await store.getRevision();
    const entries = await store.listEntries();
    this.index = new BoardIndex(entries, ids);
    this.revision = revision;
    this.checkedAt = this.now();
    return this.index;
  }

  private async checkRevision() {
    try {
      const revision = await this.options.store.getRevision();
      this.checkedAt = this.now();
      if (revision !== this.revision) {
        await this.reload();
      }
    } catch (error) {
      this.options.logger.warn(
        `Could not check the help-wanted board for changes; serving the board as last loaded`,
        error as Error,
      );
    }
  }

  private now() {
    return (this.options.clock ?? Date.now)();
  }
}
