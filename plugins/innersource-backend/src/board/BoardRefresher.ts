import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INNERSOURCE_ANNOTATIONS } from '@innersource/backstage-plugin-innersource-common';
import { REFS_PER_REQUEST } from '../lib/catalogRequests';
import {
  BOARD_ENTITY_FIELDS,
  boardEntryFromEntity,
  domainRefOf,
  SYSTEM_DOMAIN_FIELDS,
  systemRefOf,
} from './boardEntryFromEntity';
import { BoardStore } from './BoardStore';
import { BoardEntry } from './types';

/** Entities per catalog page. */
const PAGE_SIZE = 500;

export type BoardRefreshResult = {
  /** Entities on the board after the refresh. */
  listed: number;
  /** Entries added or changed. */
  changed: number;
  /** Entries removed. */
  removed: number;
};

/**
 * Brings the stored board in line with the catalog: every entity with
 * `innersource/contributions-wanted: true`, read with the plugin's own service
 * credentials, a page at a time and with only the fields the board shows.
 */
export class BoardRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: BoardStore;
      logger: LoggerService;
      pageSize?: number;
    },
  ) {}

  /**
   * Reads all candidate entities, then writes: entries are upserted and entries
   * of entities that were not returned are purged. Nothing is written when the
   * catalog fails or the signal aborts part-way.
   */
  async refreshAll(signal?: AbortSignal): Promise<BoardRefreshResult> {
    const { catalog, auth, store, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const limit = this.options.pageSize ?? PAGE_SIZE;
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, limit, fields: BOARD_ENTITY_FIELDS }
          : {
              filter: {
                [`metadata.annotations.${INNERSOURCE_ANNOTATIONS.contributionsWanted}`]:
                  CATALOG_FILTER_EXISTS,
              },
              limit,
              fields: BOARD_ENTITY_FIELDS,
            },
        { credentials },
      );
      entities.push(...response.items);
      cursor = response.pageInfo.nextCursor;
      if (signal?.aborted) {
        logger.info('Help-wanted board refresh aborted; nothing was written');
        return { listed: 0, changed: 0, removed: 0 };
      }
    } while (cursor);

    const entries = await this.entriesOf(entities, credentials);
    const changed = await store.upsertEntries(entries);
    const removed = await store.purgeEntriesExcept(
      entries.map(entry => entry.entityRef),
    );
    logger.info(
      `Help-wanted board refreshed: ${entries.length} entities listed, ${changed} added or changed, ${removed} removed`,
    );
    return { listed: entries.length, changed, removed };
  }

  /**
   * Stores what the board shows of one entity that the caller has read, or
   * removes it from the board when it no longer wants contributions.
   */
  async refreshEntity(entity: Entity): Promise<BoardEntry | undefined> {
    const { auth, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const [entry] = await this.entriesOf([entity], credentials);
    if (entry) {
      await store.upsertEntries([entry]);
    } else {
      await store.deleteEntries([stringifyEntityRef(entity)]);
    }
    return entry;
  }

  private async entriesOf(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<BoardEntry[]> {
    const systemRefs = new Set<string>();
    for (const entity of entities) {
      const systemRef = systemRefOf(entity);
      if (systemRef) {
        systemRefs.add(systemRef);
      }
    }
    const domains = await this.domainsOf([...systemRefs], credentials);
    const entries: BoardEntry[] = [];
    for (const entity of entities) {
      const entry = boardEntryFromEntity(entity, {
        domainOfSystem: ref => domains.get(ref),
      });
      if (entry) {
        entries.push(entry);
      }
    }
    return entries;
  }

  /** The domain of each system, read with the plugin's credentials. */
  private async domainsOf(
    systemRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, string>> {
    const domains = new Map<string, string>();
    for (let i = 0; i < systemRefs.length; i += REFS_PER_REQUEST) {
      const entityRefs = systemRefs.slice(i, i + REFS_PER_REQUEST);
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs, fields: SYSTEM_DOMAIN_FIELDS },
        { credentials },
      );
      items.forEach((system, index) => {
        const domainRef = system ? domainRefOf(system) : undefined;
        if (domainRef) {
          domains.set(entityRefs[index], domainRef);
        }
      });
    }
    return domains;
  }
}
