import { Knex } from 'knex';
import { migratedClient, StoreDatabaseOptions } from '../lib/migratedClient';
import { randomUUID } from 'node:crypto';

const BADGE_IDS = 'badge_ids';

/** A lower-case UUID v4, as `crypto.randomUUID` creates them. */
const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether a path segment can be a badge id at all, before asking the database. */
export function isBadgeId(value: string): boolean {
  return UUID_V4.test(value);
}

/**
 * The opaque badge ids of entities, in the database so that every backend replica
 * answers the same URL. Ids never change once created, so both directions are
 * kept in memory once seen.
 */
export class DatabaseBadgeIdStore {
  private readonly idsByRef = new Map<string, string>();
  private readonly refsById = new Map<string, string>();

  static async create(
    options: StoreDatabaseOptions,
  ): Promise<DatabaseBadgeIdStore> {
    return new DatabaseBadgeIdStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  /** The entity's badge id, created on first use; `entityRef` is full and lower case. */
  async idOf(entityRef: string): Promise<string> {
    const known = this.idsByRef.get(entityRef);
    if (known) {
      return known;
    }
    // Another replica may create the entity's id at the same moment: the first
    // insert wins and everyone reads the stored one.
    await this.db(BADGE_IDS)
      .insert({
        entity_ref: entityRef,
        badge_id: randomUUID(),
        created_at: new Date(),
      })
      .onConflict('entity_ref')
      .ignore();
    const row = await this.db(BADGE_IDS)
      .where({ entity_ref: entityRef })
      .first('badge_id');
    this.remember(entityRef, row.badge_id);
    return row.badge_id;
  }

  /** The entity ref of a badge id; undefined for an id never handed out. */
  async entityRefOf(badgeId: string): Promise<string | undefined> {
    if (!isBadgeId(badgeId)) {
      return undefined;
    }
    const known = this.refsById.get(badgeId);
    if (known) {
      return known;
    }
    const row = await this.db(BADGE_IDS)
      .where({ badge_id: badgeId })
      .first('entity_ref');
    if (!row) {
      return undefined;
    }
    this.remember(row.entity_ref, badgeId);
    return row.entity_ref;
  }

  private remember(entityRef: string, badgeId: string) {
    this.idsByRef.set(entityRef, badgeId);
    this.refsById.set(badgeId, entityRef);
  }
}
