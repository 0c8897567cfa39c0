import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createScorer,
  EntityScorecard,
  parseInnerSourceAnnotations,
  Scorecard,
  ScorecardInput,
} from '@innersource/backstage-plugin-innersource-common';
import { utcDayOf } from '../database/DatabaseScorecardStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { gatherCatalogFacts, ownerRefOf } from './catalogFacts';
import { ScorecardSettings } from './config';

/** Entities per catalog page. */
const PAGE_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ScorecardRefreshResult = {
  /** Entities scored. */
  scored: number;
  /** Entities whose scorecards were removed: they left the catalog or the selection. */
  removed: number;
  /** History points removed for being older than the retention. */
  pruned: number;
  /** False when the cycle was aborted part-way: then nothing was removed. */
  complete: boolean;
};

/**
 * Scores the selected catalog entities (`innersource.scorecards.entities`)
 * with the configured checks and stores the scorecards. Reads the catalog
 * with the plugin's own service credentials, a page at a time, with only the
 * fields the checks need. No code-host data is gathered yet, so the checks
 * that need it are `not-reported`.
 */
export class ScorecardRefresher {
  /** The configured checks and levels, worked out once. */
  private readonly scoreEntity: (input: ScorecardInput) => Scorecard;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: ScorecardStore;
      logger: LoggerService;
      settings: ScorecardSettings;
      pageSize?: number;
      clock?: () => Date;
    },
  ) {
    this.scoreEntity = createScorer(
      options.settings.options,
      options.settings.definitions,
    );
  }

  /**
   * One scoring cycle: history past the retention is pruned, then every page
   * of selected entities is scored and stored as it comes. Only after the
   * last page are the scorecards of entities that were not seen (deleted, or
   * no longer selected) purged, current and history alike; an aborted or
   * failed cycle purges nothing.
   */
  async refreshAll(signal?: AbortSignal): Promise<ScorecardRefreshResult> {
    const { catalog, auth, store, logger, settings } = this.options;
    const pruned = await store.pruneHistoryBefore(this.retentionStart());
    const credentials = await auth.getOwnServiceCredentials();
    const seen = new Set<string>();
    const limit = this.options.pageSize ?? PAGE_SIZE;
    let cursor: string | undefined;
    do {
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, limit, fields: settings.entityFields }
          : { filter: settings.entities, limit, fields: settings.entityFields },
        { credentials },
      );
      const scorecards = await this.score(response.items, credentials);
      await store.saveScorecards(scorecards);
      scorecards.forEach(scorecard => seen.add(scorecard.entityRef));
      cursor = response.pageInfo.nextCursor;
      if (cursor && signal?.aborted) {
        logger.info(
          `Scorecard refresh aborted after ${seen.size} entities; no scorecards were removed`,
        );
        return { scored: seen.size, removed: 0, pruned, complete: false };
      }
    } while (cursor);

    const removed = await store.purgeScorecardsExcept(seen);
    logger.info(
      `Scorecards refreshed: ${seen.size} entities scored, ${removed} removed, ${pruned} history points past the retention removed`,
    );
    return { scored: seen.size, removed, pruned, complete: true };
  }

  /**
   * Scores one entity, read with the plugin's credentials and the same fields
   * and selection as the scheduled scoring, and stores the scorecard.
   * Undefined when the entity is not in the catalog or not selected.
   */
  async refreshEntity(entityRef: string): Promise<EntityScorecard | undefined> {
    const { catalog, auth, store, settings } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: [entityRef],
        filter: settings.entities,
        fields: settings.entityFields,
      },
      { credentials },
    );
    const entity = items[0];
    if (!entity) {
      return undefined;
    }
    const [scorecard] = await this.score([entity], credentials);
    await store.saveScorecards([scorecard]);
    return scorecard;
  }

  /** Whether the entity is among those scored (`innersource.scorecards.entities`). */
  async isSelected(entityRef: string): Promise<boolean> {
    const { catalog, auth, settings } = this.options;
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: [entityRef],
        filter: settings.entities,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return Boolean(items[0]);
  }

  /** The first day of history that the retention keeps (`YYYY-MM-DD`). */
  retentionStart(): string {
    const days = this.options.settings.historyRetentionDays;
    return utcDayOf(new Date(this.now().getTime() - (days - 1) * DAY_MS));
  }

  private async score(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard[]> {
    const { catalog } = this.options;
    const subjects = entities.map(entity => ({
      entity,
      owner: ownerRefOf(entity),
      profile: parseInnerSourceAnnotations(entity).profile,
    }));
    const facts = await gatherCatalogFacts(
      catalog,
      credentials,
      subjects.map(({ owner, profile }) => ({
        owner,
        trustedCommitters: profile.trustedCommitters,
      })),
    );
    const now = this.now();
    const computedAt = now.toISOString();
    return subjects.map(({ entity, owner, profile }, index) => {
      const scorecard = this.scoreEntity({
        entity,
        profile,
        catalog: facts[index],
        now,
        // The catalog's own ref, whatever the scoring would make of odd names.
        entityRef: stringifyEntityRef(entity),
      });
      const title = entity.metadata.title;
      return {
        ...scorecard,
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
        ...(typeof title === 'string' && title.trim() !== ''
          ? { title: title.trim() }
          : {}),
        ...(owner ? { owner } : {}),
        computedAt,
      };
    });
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
