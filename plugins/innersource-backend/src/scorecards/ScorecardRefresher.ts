import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createScorer,
  EntityCodeHostSummary,
  EntityScorecard,
  parseInnerSourceAnnotations,
  Scorecard,
  ScorecardInput,
} from '@innersource/backstage-plugin-innersource-common';
import { CodeHostRefresher } from '../codehost/CodeHostRefresher';
import {
  CodeHostScoringFacts,
  EntityCodeHostFacts,
} from '../codehost/CodeHostScoringFacts';
import { REFS_PER_REQUEST } from '../lib/catalogRequests';
import { gatherCatalogFacts, ownerRefOf } from './catalogFacts';
import { ScorecardSettings } from './config';
import { utcDayOf } from './DatabaseScorecardStore';
import { ScorecardStore } from './ScorecardStore';

/** Entities per catalog page. */
const PAGE_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The code-host summary of every scorecard when no code-host module is installed. */
const NO_CODE_HOST_MODULE: EntityCodeHostSummary = {
  status: 'unavailable',
  reason:
    'no code-host module is installed: add @innersource/backstage-plugin-innersource-backend-module-github ' +
    'or @innersource/backstage-plugin-innersource-backend-module-gitlab to the backend',
};

/** How the scoring gets code-host facts, when a code-host module is installed. */
export type ScorecardCodeHost = {
  /** The stored facts, as the checks read them. */
  facts: CodeHostScoringFacts;
  /** Re-reads an entity's repository when its scorecard is recomputed on demand. */
  refresher?: CodeHostRefresher;
  /** The limits of that re-read. */
  recompute?: { budget: number; minIntervalMs: number };
};

type ScoringCycle = {
  credentials: BackstageCredentials;
  codeHost?: ReturnType<CodeHostScoringFacts['forCycle']>;
};

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
 * fields the checks need. The code-host checks read the stored facts of each
 * entity's repository (see {@link CodeHostScoringFacts}); without a code-host
 * module, or without fresh facts, they are `not-reported` with the reason.
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
      codeHost?: ScorecardCodeHost;
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
    const cycle = this.startCycle(credentials);
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
      const scorecards = await this.score(response.items, cycle);
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
    const { catalog, auth, store, settings, codeHost, logger } = this.options;
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
    if (codeHost?.refresher && codeHost.recompute) {
      // The facts a recompute shows are as new as the code host allows; when
      // it cannot be read, the stored facts are used.
      await codeHost.refresher
        .refreshEntity(entity, codeHost.recompute)
        .catch(error =>
          logger.warn(
            `The recompute of ${entityRef} could not re-read its repository; it is scored from the stored facts: ${error}`,
          ),
        );
    }
    const [scorecard] = await this.score(
      [entity],
      this.startCycle(credentials),
    );
    await store.saveScorecards([scorecard]);
    return scorecard;
  }

  /**
   * Scores the given entities (full refs) that are still selected, e.g.
   * those whose code-host facts a code-host cycle just changed, and stores
   * their scorecards. Returns how many were scored.
   */
  async refreshEntities(entityRefs: readonly string[]): Promise<number> {
    const { catalog, auth, store, settings } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const cycle = this.startCycle(credentials);
    let scored = 0;
    for (let i = 0; i < entityRefs.length; i += REFS_PER_REQUEST) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: entityRefs.slice(i, i + REFS_PER_REQUEST),
          filter: settings.entities,
          fields: settings.entityFields,
        },
        { credentials },
      );
      const entities = items.filter((e): e is Entity => Boolean(e));
      const scorecards = await this.score(entities, cycle);
      await store.saveScorecards(scorecards);
      scored += scorecards.length;
    }
    return scored;
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

  /** What one scoring cycle shares: the credentials and the catalog look-ups of the contributions. */
  private startCycle(credentials: BackstageCredentials): ScoringCycle {
    return {
      credentials,
      codeHost: this.options.codeHost?.facts.forCycle(credentials),
    };
  }

  private async score(
    entities: Entity[],
    cycle: ScoringCycle,
  ): Promise<EntityScorecard[]> {
    const { catalog } = this.options;
    const { credentials } = cycle;
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
    const codeHostFacts: Array<EntityCodeHostFacts | undefined> = cycle.codeHost
      ? await cycle.codeHost.factsOf(entities)
      : [];
    const now = this.now();
    const computedAt = now.toISOString();
    return subjects.map(({ entity, owner, profile }, index) => {
      const codeHost = codeHostFacts[index];
      const scorecard = this.scoreEntity({
        entity,
        profile,
        catalog: facts[index],
        ...(codeHost?.codeHost ? { codeHost: codeHost.codeHost } : {}),
        ...(codeHost?.codeHostUnavailable
          ? { codeHostUnavailable: codeHost.codeHostUnavailable }
          : {}),
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
        codeHost: codeHost?.summary ?? NO_CODE_HOST_MODULE,
      };
    });
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
