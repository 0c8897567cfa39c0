import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { migratedClient, StoreDatabaseOptions } from '../lib/migratedClient';
import { boardSearchText } from './boardEntryFromEntity';
import { BoardStore } from './BoardStore';
import { BoardEntry, StoredBoardEntry } from './types';

const ENTRIES = 'board_entries';
const REVISION = 'board_revision';

/** Refs per `where in` and rows per insert: well below SQLite's bound-parameter limit. */
const BATCH_SIZE = 100;

type EntryRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  tags: string;
  asks: string;
  asks_valid_until: string | null;
  skills: string;
  contribution_types: string;
  trusted_committers: string;
  contributing: string | null;
  chat: string | null;
  response_time: string | null;
  search_text: string;
  content_hash: string;
  asks_hash: string;
  asks_updated_at: Date | string | number;
  updated_at: Date | string | number;
};

type ContentColumns = Omit<
  EntryRow,
  'content_hash' | 'asks_hash' | 'asks_updated_at' | 'updated_at'
>;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

function hash(values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function contentColumns(entry: BoardEntry): ContentColumns {
  return {
    entity_ref: entry.entityRef,
    kind: entry.kind,
    namespace: entry.namespace,
    name: entry.name,
    title: entry.title ?? null,
    description: entry.description ?? null,
    owner_ref: entry.owner ?? null,
    system_ref: entry.system ?? null,
    domain_ref: entry.domain ?? null,
    tags: JSON.stringify(entry.tags),
    asks: JSON.stringify(entry.asks),
    asks_valid_until: entry.asksValidUntil ?? null,
    skills: JSON.stringify(entry.skills),
    contribution_types: JSON.stringify(entry.contributionTypes),
    trusted_committers: JSON.stringify(entry.trustedCommitters),
    contributing: jsonOrNull(entry.contributing),
    chat: jsonOrNull(entry.chat),
    response_time: jsonOrNull(entry.responseTime),
    search_text: boardSearchText(entry),
  };
}

/** PostgreSQL returns dates, SQLite what was stored (a number of milliseconds). */
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

function parseOptional<T>(value: string | null): T | undefined {
  return value === null ? undefined : (JSON.parse(value) as T);
}

function entryFromRow(row: EntryRow): StoredBoardEntry {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: optional(row.title),
    description: optional(row.description),
    owner: optional(row.owner_ref),
    system: optional(row.system_ref),
    domain: optional(row.domain_ref),
    tags: JSON.parse(row.tags),
    asks: JSON.parse(row.asks),
    asksValidUntil: optional(row.asks_valid_until),
    skills: JSON.parse(row.skills),
    contributionTypes: JSON.parse(row.contribution_types),
    trustedCommitters: JSON.parse(row.trusted_committers),
    contributing: parseOptional(row.contributing),
    chat: parseOptional(row.chat),
    responseTime: parseOptional(row.response_time),
    asksUpdatedAt: toDate(row.asks_updated_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * The {@link BoardStore} on the plugin's database (SQLite or PostgreSQL), with
 * the migrations in the package's `migrations` directory.
 *
 * @public
 */
export class DatabaseBoardStore implements BoardStore {
  static async create(
    options: StoreDatabaseOptions,
  ): Promise<DatabaseBoardStore> {
    return new DatabaseBoardStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async upsertEntries(
    entries: BoardEntry[],
    options: { now?: Date } = {},
  ): Promise<number> {
    const now = options.now ?? new Date();
    const byRef = new Map(entries.map(entry => [entry.entityRef, entry]));
    if (byRef.size === 0) {
      return 0;
    }
    return this.db.transaction(async tx => {
      const changed: EntryRow[] = [];
      for (const refs of chunk([...byRef.keys()], BATCH_SIZE)) {
        const existing = new Map<
          string,
          Pick<EntryRow, 'content_hash' | 'asks_hash' | 'asks_updated_at'>
        >();
        const rows = await tx(ENTRIES)
          .select('entity_ref', 'content_hash', 'asks_hash', 'asks_updated_at')
          .whereIn('entity_ref', refs);
        for (const row of rows) {
          existing.set(row.entity_ref, row);
        }
        for (const ref of refs) {
          const content = contentColumns(byRef.get(ref)!);
          const contentHash = hash(Object.values(content));
          const asksHash = hash([content.asks, content.asks_valid_until]);
          const before = existing.get(ref);
          if (before?.content_hash === contentHash) {
            continue;
          }
          changed.push({
            ...content,
            content_hash: contentHash,
            asks_hash: asksHash,
            asks_updated_at:
              before?.asks_hash === asksHash
                ? toDate(before.asks_updated_at)
                : now,
            updated_at: now,
          });
        }
      }
      for (const rows of chunk(changed, BATCH_SIZE)) {
        await tx(ENTRIES).insert(rows).onConflict('entity_ref').merge();
      }
      if (changed.length > 0) {
        await this.bumpRevision(tx);
      }
      return changed.length;
    });
  }

  async deleteEntries(entityRefs: string[]): Promise<number> {
    const refs = [...new Set(entityRefs)];
    if (refs.length === 0) {
      return 0;
    }
    return this.db.transaction(async tx => {
      let deleted = 0;
      for (const batch of chunk(refs, BATCH_SIZE)) {
        deleted += await tx(ENTRIES).whereIn('entity_ref', batch).delete();
      }
      if (deleted > 0) {
        await this.bumpRevision(tx);
      }
      return deleted;
    });
  }

  async purgeEntriesExcept(keep: Iterable<string>): Promise<number> {
    const kept = new Set(keep);
    const rows: Array<{ entity_ref: string }> = await this.db(ENTRIES).select(
      'entity_ref',
    );
    return this.deleteEntries(
      rows.map(row => row.entity_ref).filter(ref => !kept.has(ref)),
    );
  }

  async listEntries(): Promise<StoredBoardEntry[]> {
    const rows: EntryRow[] = await this.db(ENTRIES).select();
    return rows.map(entryFromRow);
  }

  async getRevision(): Promise<number> {
    const row = await this.db(REVISION).where('id', 1).first('revision');
    return Number(row?.revision ?? 0);
  }

  private async bumpRevision(tx: Knex.Transaction) {
    await tx(REVISION).where('id', 1).increment('revision', 1);
  }
}
