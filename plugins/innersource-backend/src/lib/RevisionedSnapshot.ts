import { LoggerService } from '@backstage/backend-plugin-api';

/** How often a replica asks the database whether another replica changed the data. */
export const DEFAULT_REVISION_CHECK_INTERVAL_MS = 5_000;

export type RevisionedSnapshotOptions<T> = {
  /**
   * A number that changes with every change of the stored data, written by
   * any backend replica; cheap to read (one row).
   */
  getRevision: () => Promise<number>;
  /** Reads the stored data and builds what requests are served from. */
  load: () => Promise<T>;
  /** What is loaded, for log messages, e.g. `the help-wanted board`. */
  what: string;
  logger: LoggerService;
  /** How often to look for another replica's writes; default 5 s. */
  revisionCheckIntervalMs?: number;
  clock?: () => number;
};

/**
 * Stored data held in memory, so that requests never wait for the database:
 * reloaded right after this replica writes (`reload`), and within a few
 * seconds of another replica's write, noticed through a revision counter in
 * the database that every write bumps. The check runs in the background: a
 * request gets what was last loaded and never waits for it.
 */
export class RevisionedSnapshot<T> {
  private value?: T;
  private revision = -1;
  private checkedAt = 0;
  private checking = false;
  private loading?: Promise<T>;

  constructor(private readonly options: RevisionedSnapshotOptions<T>) {}

  /** The data as last loaded; the first call waits for the load. */
  async current(): Promise<T> {
    if (this.value === undefined) {
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
    return this.value;
  }

  /**
   * Loads the data again, after any load under way, so that a write that just
   * finished is always seen.
   */
  reload(): Promise<T> {
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

  private async load(): Promise<T> {
    // The revision is read first: a write during the load shows up as a newer
    // revision at the next check.
    const revision = await this.options.getRevision();
    const value = await this.options.load();
    this.value = value;
    this.revision = revision;
    this.checkedAt = this.now();
    return value;
  }

  private async checkRevision() {
    try {
      const revision = await this.options.getRevision();
      this.checkedAt = this.now();
      if (revision !== this.revision) {
        await this.reload();
      }
    } catch (error) {
      this.options.logger.warn(
        `Could not check ${this.options.what} for changes; serving it as last loaded`,
        error as Error,
      );
    }
  }

  private now() {
    return (this.options.clock ?? Date.now)();
  }
}
