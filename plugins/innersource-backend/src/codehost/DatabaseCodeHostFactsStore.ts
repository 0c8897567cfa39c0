import { RepositoryFacts } from '@innersource/backstage-plugin-innersource-common';
import { Knex } from 'knex';
import { migratedClient, StoreDatabaseOptions } from '../lib/migratedClient';
import {
  CodeHostFactsStore,
  RepositoryRef,
  StoredRepository,
} from './CodeHostFactsStore';

const TABLE = 'code_host_repositories';

/** Keys per `where in`: far below the bound-parameter limits of SQLite and PostgreSQL. */
const BATCH_SIZE = 500;

type Timestamp = Date | string | number;

type RepositoryRow = {
  repository_key: string;
  provider: string;
  repository: string;
  facts: string | null;
  read_at: Timestamp | null;
  change_token: string | null;
  issue_labels: string | null;
  window_days: number | null;
  last_attempt_at: Timestamp | null;
  last_failure: string | null;
  last_failure_at: Timestamp | null;
  consecutive_failures: number | string;
  next_attempt_at: Timestamp | null;
  not_found: boolean | number;
};

/** PostgreSQL returns dates, SQLite what was stored (a number of milliseconds). */
function toDate(value: Timestamp | null): Date | undefined {
  if (value === null) {
    return undefined;
  }
  return value instanceof Date ? value : new Date(value);
}

function storedOf(row: RepositoryRow): StoredRepository {
  const optional = <K extends keyof StoredRepository>(
    key: K,
    value: StoredRepository[K] | undefined,
  ) => (value === undefined ? {} : { [key]: value });
  return {
    key: row.repository_key,
    provider: row.provider,
    repository: JSON.parse(row.repository),
    ...optional(
      'facts',
      row.facts !== null ? JSON.parse(row.facts) : undefined,
    ),
    ...optional('readAt', toDate(row.read_at)),
    ...optional('changeToken', row.change_token ?? undefined),
    ...optional(
      'issueLabels',
      row.issue_labels !== null ? JSON.parse(row.issue_labels) : undefined,
    ),
    ...optional(
      'windowDays',
      row.window_days !== null ? Number(row.window_days) : undefined,
    ),
    ...optional('lastAttemptAt', toDate(row.last_attempt_at)),
    ...optional('lastFailure', row.last_failure ?? undefined),
    ...optional('lastFailureAt', toDate(row.last_failure_at)),
    consecutiveFailures: Number(row.consecutive_failures),
    ...optional('nextAttemptAt', toDate(row.next_attempt_at)),
    notFound: Boolean(row.not_found),
  };
}

/**
 * The {@link CodeHostFactsStore} on the plugin's database (SQLite or
 * PostgreSQL), in the table `code_host_repositories`.
 */
export class DatabaseCodeHostFactsStore implements CodeHostFactsStore {
  static async create(
    options: StoreDatabaseOptions,
  ): Promise<DatabaseCodeHostFactsStore> {
    return new DatabaseCodeHostFactsStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async getRepositories(
    keys: Iterable<string>,
  ): Promise<Map<string, StoredRepository>> {
    const all = [...new Set(keys)];
    const found = new Map<string, StoredRepository>();
    for (let i = 0; i < all.length; i += BATCH_SIZE) {
      const rows: RepositoryRow[] = await this.db(TABLE)
        .whereIn('repository_key', all.slice(i, i + BATCH_SIZE))
        .select();
      for (const row of rows) {
        found.set(row.repository_key, storedOf(row));
      }
    }
    return found;
  }

  async saveRead(
    ref: RepositoryRef,
    read: {
      facts: RepositoryFacts;
      changeToken?: string;
      issueLabels: string[];
      windowDays: number;
      at: Date;
    },
  ): Promise<void> {
    await this.upsert(ref, {
      facts: JSON.stringify(read.facts),
      read_at: read.at,
      change_token: read.changeToken ?? null,
      issue_labels: JSON.stringify(read.issueLabels),
      window_days: read.windowDays,
      last_attempt_at: read.at,
      consecutive_failures: 0,
      next_attempt_at: null,
      not_found: false,
    });
  }

  async saveUnchanged(
    ref: RepositoryRef,
    unchanged: { changeToken?: string; at: Date },
  ): Promise<void> {
    // Only facts that exist can stay; an "unchanged" without them is ignored.
    await this.db(TABLE)
      .where('repository_key', ref.key)
      .whereNotNull('facts')
      .update({
        read_at: unchanged.at,
        ...(unchanged.changeToken !== undefined
          ? { change_token: unchanged.changeToken }
          : {}),
        last_attempt_at: unchanged.at,
        consecutive_failures: 0,
        next_attempt_at: null,
        not_found: false,
      });
  }

  async saveFailure(
    ref: RepositoryRef,
    failure: {
      reason: string;
      at: Date;
      nextAttemptAt?: Date;
      notFound: boolean;
    },
  ): Promise<void> {
    const fields = {
      last_attempt_at: failure.at,
      last_failure: failure.reason,
      last_failure_at: failure.at,
      next_attempt_at: failure.nextAttemptAt ?? null,
      not_found: failure.notFound,
    };
    // The facts columns are left out of the update: a failure never
    // overwrites the last good facts.
    await this.db(TABLE)
      .insert({ ...this.identity(ref), ...fields, consecutive_failures: 1 })
      .onConflict('repository_key')
      .merge({
        ...fields,
        consecutive_failures: this.db.raw('??.?? + 1', [
          TABLE,
          'consecutive_failures',
        ]),
      });
  }

  async noteAttempt(ref: RepositoryRef, at: Date): Promise<void> {
    await this.upsert(ref, { last_attempt_at: at });
  }

  private identity(ref: RepositoryRef) {
    return {
      repository_key: ref.key,
      provider: ref.provider,
      repository: JSON.stringify(ref.repository),
    };
  }

  private async upsert(
    ref: RepositoryRef,
    fields: Partial<Omit<RepositoryRow, 'repository_key'>>,
  ) {
    const identity = this.identity(ref);
    await this.db(TABLE)
      .insert({ ...identity, ...fields })
      .onConflict('repository_key')
      .merge({
        provider: identity.provider,
        repository: identity.repository,
        ...fields,
      });
  }
}
