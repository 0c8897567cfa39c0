import { Knex } from 'knex';
import { migratedClient, StoreDatabaseOptions } from '../lib/migratedClient';
import {
  InterestLimit,
  InterestLimits,
  InterestRecordResult,
  InterestStore,
} from './InterestStore';

const INTEREST = 'interest';

type InterestRow = {
  entity_ref: string;
  created_at: Date | string | number;
};

function toTime(value: Date | string | number): number {
  return (value instanceof Date ? value : new Date(value)).getTime();
}

/**
 * When the offers (times, oldest first) leave room for one more under the
 * limit, or undefined when there is room now.
 */
function retryTime(
  times: number[],
  limit: InterestLimit,
  now: number,
): number | undefined {
  const inWindow = times.filter(time => time > now - limit.windowMs);
  if (inWindow.length < limit.max) {
    return undefined;
  }
  // The oldest offers must leave the window until fewer than `max` remain.
  return inWindow[inWindow.length - limit.max] + limit.windowMs;
}

/**
 * The {@link InterestStore} on the plugin's database (SQLite or PostgreSQL).
 */
export class DatabaseInterestStore implements InterestStore {
  static async create(
    options: StoreDatabaseOptions,
  ): Promise<DatabaseInterestStore> {
    return new DatabaseInterestStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async recordInterest(options: {
    userRef: string;
    entityRef: string;
    now: Date;
    limits: InterestLimits;
  }): Promise<InterestRecordResult> {
    const { userRef, entityRef, now, limits } = options;
    const nowMs = now.getTime();
    const longest = Math.max(
      limits.perUser.windowMs,
      limits.perUserAndEntity.windowMs,
    );

    return this.db.transaction(async tx => {
      if (this.db.client.config.client === 'pg') {
        // Serializes the offers of one user across replicas, so that two
        // concurrent offers cannot both pass the check below.
        await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [userRef]);
      }
      const rows: InterestRow[] = await tx(INTEREST)
        .where('user_ref', userRef)
        .andWhere('created_at', '>', new Date(nowMs - longest))
        .orderBy('created_at', 'asc')
        .select('entity_ref', 'created_at');

      const all = rows.map(row => toTime(row.created_at));
      const forEntity = rows
        .filter(row => row.entity_ref === entityRef)
        .map(row => toTime(row.created_at));
      const retries = [
        retryTime(forEntity, limits.perUserAndEntity, nowMs),
        retryTime(all, limits.perUser, nowMs),
      ].filter((time): time is number => time !== undefined);
      if (retries.length > 0) {
        return { recorded: false, retryAt: new Date(Math.max(...retries)) };
      }

      // Opportunistic purge: no row older than the longest window is needed.
      await tx(INTEREST)
        .where('created_at', '<=', new Date(nowMs - longest))
        .delete();
      const [inserted] = await tx(INTEREST)
        .insert({ user_ref: userRef, entity_ref: entityRef, created_at: now })
        .returning('id');
      const id = typeof inserted === 'object' ? inserted.id : inserted;
      return { recorded: true, id: Number(id) };
    });
  }

  async deleteInterest(id: number): Promise<void> {
    await this.db(INTEREST).where('id', id).delete();
  }
}
