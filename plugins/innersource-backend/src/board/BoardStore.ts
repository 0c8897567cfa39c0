import { BoardEntry, StoredBoardEntry } from './types';

/**
 * Where the help-wanted board's entries are kept, one per entity.
 *
 * @public
 */
export interface BoardStore {
  /**
   * Adds or updates entries by entity ref. Entries that did not change are not
   * written, and keep their times. Returns how many entries were added or changed.
   */
  upsertEntries(
    entries: BoardEntry[],
    options?: { now?: Date },
  ): Promise<number>;

  /** Removes the entries of these entity refs; returns how many there were. */
  deleteEntries(entityRefs: string[]): Promise<number>;

  /**
   * Removes every entry whose entity ref is not in `keep`: entities that left the
   * catalog or no longer want contributions. Returns how many were removed.
   */
  purgeEntriesExcept(keep: Iterable<string>): Promise<number>;

  /** All entries, in no particular order. */
  listEntries(): Promise<StoredBoardEntry[]>;

  /**
   * A number that changes with every change of the entries, written by any
   * backend replica; cheap to read.
   */
  getRevision(): Promise<number>;
}
