import {
  EntityCodeHostSummary,
  EntityScorecard,
  ScorecardHistoryPoint,
} from '@innersource/backstage-plugin-innersource-common';
import { Knex } from 'knex';
import { contributionCountsOf } from '../codehost/contributionCounts';
import { migratedClient, StoreDatabaseOptions } from '../lib/migratedClient';
import { ScorecardStore, StoredScorecardSummary } from './ScorecardStore';
import { failingChecksOf } from './scorecardSummary';
import { upsertNewer } from './upsertNewer';

const CURRENT = 'scorecards';
const HISTORY = 'scorecard_history';
const REVISION = 'scorecard_revision';

/**
 * Refs per `where in` and rows per insert: 500 rows of 13 columns stay far
 * below the bound-parameter limits of SQLite (32,766) and PostgreSQL (65,535),
 * and a scoring cycle of 10,000 entities needs only 20 statements per table.
 */
const BATCH_SIZE = 500;

type Timestamp = Date | string | number;

type ScorecardRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner_ref: string | null;
  level: string | null;
  score: number | string | null;
  results: string;
  next_level: string | null;
  unknown_exemptions: string;
  failing_checks: string | null;
  /** JSON EntityCodeHostSummary; null in rows written before code-host facts. */
  code_host: string | null;
  computed_at: Timestamp;
};

/** The columns a summary is made of: all but the results and exemptions. */
const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner_ref',
  'level',
  'score',
  'next_level',
  'failing_checks',
  'code_host',
  'computed_at',
] as const;

type SummaryRow = Pick<ScorecardRow, (typeof SUMMARY_COLUMNS)[number]> & {
  /** Only read for rows written before `failing_checks` existed. */
  results?: string;
};

type HistoryRow = {
  entity_ref: string;
  day: string;
  score: number | string | null;
  level: string | null;
  computed_at: Timestamp;
};

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** PostgreSQL returns dates, SQLite what was stored (a number of milliseconds). */
function toDate(value: Timestamp): Date {
  return value instanceof Date ? value : new Date(value);
}

function toScore(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

/** `YYYY-MM-DD` of a moment, in UTC. */
export function utcDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function rowOf(scorecard: EntityScorecard): ScorecardRow {
  return {
    entity_ref: scorecard.entityRef,
    kind: scorecard.kind,
    namespace: scorecard.namespace,
    name: scorecard.name,
    title: scorecard.title ?? null,
    owner_ref: scorecard.owner ?? null,
    level: scorecard.level ?? null,
    score: scorecard.score,
    results: JSON.stringify(scorecard.results),
    next_level: scorecard.nextLevel
      ? JSON.stringify(scorecard.nextLevel)
      : null,
    unknown_exemptions: JSON.stringify(scorecard.unknownExemptions),
    failing_checks: JSON.stringify(failingChecksOf(scorecard)),
    code_host: scorecard.codeHost ? JSON.stringify(scorecard.codeHost) : null,
    computed_at: new Date(scorecard.computedAt),
  };
}

/** What a summary and a full scorecard share, from their columns. */
function standingOfRow(row: SummaryRow) {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.owner_ref !== null ? { owner: row.owner_ref } : {}),
    ...(row.level !== null ? { level: row.level } : {}),
    score: toScore(row.score),
    ...(row.next_level !== null
      ? { nextLevel: JSON.parse(row.next_level) }
      : {}),
    computedAt: toDate(row.computed_at).toISOString(),
  };
}

function codeHostOfRow(row: SummaryRow): EntityCodeHostSummary | undefined {
  return row.code_host !== null ? JSON.parse(row.code_host) : undefined;
}

function summaryOfRow(row: SummaryRow): StoredScorecardSummary {
  const codeHost = codeHostOfRow(row);
  const contributions = contributionCountsOf(codeHost);
  return {
    ...standingOfRow(row),
    failingChecks:
      row.failing_checks !== null
        ? JSON.parse(row.failing_checks)
        : failingChecksOf({ results: JSON.parse(row.results ?? '[]') }),
    ...(contributions ? { contributions } : {}),
    // For the scorecard index, which derives the board's live issues from it.
    ...(codeHost ? { codeHost } : {}),
  };
}

function scorecardOf(row: ScorecardRow): EntityScorecard {
  const codeHost = codeHostOfRow(row);
  return {
    ...standingOfRow(row),
    results: JSON.parse(row.results),
    unknownExemptions: JSON.parse(row.unknown_exemptions),
    ...(codeHost ? { codeHost } : {}),
  };
}

/**
 * The {@link ScorecardStore} on the plugin's database (SQLite or PostgreSQL),
 * with the migrations in the package's `migrations` directory.
 *
 * @public
 */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(
    options: StoreDatabaseOptions,
  ): Promise<DatabaseScorecardStore> {
    return new DatabaseScorecardStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async saveScorecards(scorecards: EntityScorecard[]): Promise<number> {
    // One scorecard per entity: the latest given.
    const byRef = new Map<string, EntityScorecard>();
    for (const scorecard of scorecards) {
      const before = byRef.get(scorecard.entityRef);
      if (!before || before.computedAt <= scorecard.computedAt) {
        byRef.set(scorecard.entityRef, scorecard);
      }
    }
    if (byRef.size === 0) {
      return 0;
    }
    return this.db.transaction(async tx => {
      let written = 0;
      for (const batch of chunk([...byRef.values()], BATCH_SIZE)) {
        const rows = batch.map(rowOf);
        // A scoring that finished later but started earlier (a scheduled
        // cycle racing an on-demand refresh) never replaces a newer one.
        written += (await upsertNewer(tx, CURRENT, ['entity_ref'], rows))
          .length;
        const history: HistoryRow[] = rows.map(row => ({
          entity_ref: row.entity_ref,
          day: utcDayOf(row.computed_at as Date),
          score: row.score,
          level: row.level,
          computed_at: row.computed_at,
        }));
        await upsertNewer(tx, HISTORY, ['entity_ref', 'day'], history);
      }
      if (written > 0) {
        await this.bumpRevision(tx);
      }
      return written;
    });
  }

  async purgeScorecardsExcept(keep: Iterable<string>): Promise<number> {
    const kept = new Set(keep);
    const current: Array<{ entity_ref: string }> = await this.db(
      CURRENT,
    ).select('entity_ref');
    const historic: Array<{ entity_ref: string }> = await this.db(HISTORY)
      .distinct('entity_ref')
      .select();
    const refs = [
      ...new Set(
        [...current, ...historic]
          .map(row => row.entity_ref)
          .filter(ref => !kept.has(ref)),
      ),
    ];
    if (refs.length === 0) {
      return 0;
    }
    return this.db.transaction(async tx => {
      let deleted = 0;
      for (const batch of chunk(refs, BATCH_SIZE)) {
        deleted += await tx(CURRENT).whereIn('entity_ref', batch).delete();
        await tx(HISTORY).whereIn('entity_ref', batch).delete();
      }
      if (deleted > 0) {
        await this.bumpRevision(tx);
      }
      return refs.length;
    });
  }

  async pruneHistoryBefore(day: string): Promise<number> {
    return this.db(HISTORY).where('day', '<', day).delete();
  }

  async listScorecards(): Promise<EntityScorecard[]> {
    const rows: ScorecardRow[] = await this.db(CURRENT).select();
    return rows.map(scorecardOf);
  }

  async listScorecardSummaries(): Promise<StoredScorecardSummary[]> {
    const rows: SummaryRow[] = await this.db(CURRENT).select(
      ...SUMMARY_COLUMNS,
      // The results only where the failing checks were not stored yet.
      this.db.raw(
        'case when failing_checks is null then results else null end as results',
      ),
    );
    return rows.map(summaryOfRow);
  }

  async getScorecard(entityRef: string): Promise<EntityScorecard | undefined> {
    const row: ScorecardRow | undefined = await this.db(CURRENT)
      .where('entity_ref', entityRef)
      .first();
    return row ? scorecardOf(row) : undefined;
  }

  async getHistory(entityRef: string): Promise<ScorecardHistoryPoint[]> {
    const rows: HistoryRow[] = await this.db(HISTORY)
      .where('entity_ref', entityRef)
      .orderBy('day', 'asc')
      .select('day', 'score', 'level');
    return rows.map(row => ({
      day: row.day,
      score: toScore(row.score),
      ...(row.level !== null ? { level: row.level } : {}),
    }));
  }

  async getRevision(): Promise<number> {
    const row = await this.db(REVISION).where('id', 1).first('revision');
    return Number(row?.revision ?? 0);
  }

  private async bumpRevision(tx: Knex.Transaction) {
    await tx(REVISION).where('id', 1).increment('revision', 1);
  }
}
