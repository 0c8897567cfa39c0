import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ForwardedError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  configuredScorecardChecks,
  configuredScorecardLevels,
  EntityScorecard,
  innersourceScorecardRefreshPermission,
  ScorecardCheck,
  ScorecardChecksResponse,
  ScorecardHistory,
  ScorecardLevel,
  ScorecardOverview,
} from '@innersource/backstage-plugin-innersource-common';
import { EntityRefIds } from '../lib/EntityRefIds';
import { ReadableEntities } from '../lib/ReadableEntities';
import { ScorecardSettings } from './config';
import { scorecardOverview, ScorecardOverviewQuery } from './overview';
import { ScorecardIndex } from './ScorecardIndex';
import {
  ScorecardCodeHost,
  ScorecardRefresher,
  ScorecardRefreshResult,
} from './ScorecardRefresher';
import { ScorecardStore } from './ScorecardStore';

export type ScorecardsOptions = {
  store: ScorecardStore;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  settings: ScorecardSettings;
  /** The code-host facts the checks read; absent when no code-host module is installed. */
  codeHost?: ScorecardCodeHost;
  /** The in-memory read side; made from the store when not given. */
  index?: ScorecardIndex;
  /** How long a caller's read permissions are trusted; default 30 s. */
  readableMaxAgeMs?: number;
  /** How often to look for another replica's writes; default 5 s. */
  revisionCheckIntervalMs?: number;
  /** Entities per catalog page in the scheduled scoring; default 500. */
  pageSize?: number;
  clock?: () => Date;
};

/**
 * The scorecards as the API serves them: the stored scorecards in memory,
 * shown to each caller with only the entities the catalog lets them read,
 * scored on a schedule and on demand.
 */
export class Scorecards {
  readonly index: ScorecardIndex;
  private readonly readable: ReadableEntities;
  private readonly refresher: ScorecardRefresher;
  private readonly checksResponse: ScorecardChecksResponse;
  private readonly levels: ScorecardLevel[];

  constructor(private readonly options: ScorecardsOptions) {
    const { store, catalog, auth, logger, settings } = options;
    const clock = () => this.now().getTime();
    const ids = new EntityRefIds();
    this.index =
      options.index ??
      new ScorecardIndex({
        store,
        logger,
        ids,
        revisionCheckIntervalMs: options.revisionCheckIntervalMs,
        clock,
      });
    this.readable = new ReadableEntities({
      catalog,
      auth,
      maxAgeMs: options.readableMaxAgeMs,
      clock,
    });
    this.refresher = new ScorecardRefresher({
      catalog,
      auth,
      store,
      logger,
      settings,
      codeHost: options.codeHost,
      pageSize: options.pageSize,
      clock: () => this.now(),
    });
    this.levels = configuredScorecardLevels(settings.options);
    this.checksResponse = {
      checks: configuredScorecardChecks(
        settings.options,
        settings.definitions,
      ).map(
        ({ evaluate: _evaluate, ...check }): ScorecardCheck => ({ ...check }),
      ),
      levels: this.levels,
    };
  }

  /** The configured checks, in order, and the levels. */
  checks(): ScorecardChecksResponse {
    return this.checksResponse;
  }

  /** The ids of the configured levels, lowest rank first. */
  levelIds(): string[] {
    return this.levels.map(level => level.id);
  }

  /** The scorecards the caller may read, filtered, sorted and paged, with the team roll-up. */
  async overview(
    query: ScorecardOverviewQuery,
    credentials: BackstageCredentials,
  ): Promise<ScorecardOverview> {
    const loaded = await this.index.current();
    const isVisible = await this.readable.visibility(
      loaded.entries,
      credentials,
    );
    return scorecardOverview(loaded, query, isVisible, this.levels);
  }

  /**
   * The current scorecard of an entity the caller may read. Not found, with
   * the same message, when the entity does not exist or the caller may not
   * read it; only a caller who may read it learns that it is not scored yet.
   */
  async scorecard(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard> {
    const entityRef = stringifyEntityRef(ref);
    const scorecard = await this.readableScorecard(entityRef, credentials);
    if (!scorecard) {
      throw await this.notScored(entityRef, credentials);
    }
    return scorecard;
  }

  /** The history of an entity the caller may read, oldest first, within the retention. */
  async history(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ScorecardHistory> {
    const entityRef = stringifyEntityRef(ref);
    const scorecard = await this.readableScorecard(entityRef, credentials);
    if (!scorecard && !(await this.canRead(entityRef, credentials))) {
      throw new NotFoundError(`No entity ${entityRef} found`);
    }
    const since = this.refresher.retentionStart();
    const points = (await this.options.store.getHistory(entityRef)).filter(
      point => point.day >= since,
    );
    if (!scorecard && points.length === 0) {
      throw await this.notScored(entityRef, credentials);
    }
    return { entityRef, points };
  }

  /**
   * Scores one entity now, re-reading its repository from the code host
   * first (at most once a minute per repository by default), and returns its
   * new scorecard. The caller needs
   * {@link innersourceScorecardRefreshPermission} (else 403) and must be able
   * to read the entity (else 404, as for an entity that does not exist).
   */
  async refreshEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard> {
    const entityRef = stringifyEntityRef(ref);
    const [decision] = await this.options.permissions.authorize(
      [{ permission: innersourceScorecardRefreshPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Refreshing scorecards needs the ${innersourceScorecardRefreshPermission.name} permission`,
      );
    }
    if (!(await this.canRead(entityRef, credentials))) {
      throw new NotFoundError(`No entity ${entityRef} found`);
    }
    const scorecard = await this.refresher.refreshEntity(entityRef);
    if (!scorecard) {
      throw new NotFoundError(
        `${entityRef} is not scored: innersource.scorecards.entities does not select it`,
      );
    }
    await this.index.reload();
    this.readable.remember(credentials, this.index.idOf(entityRef), true);
    return scorecard;
  }

  /**
   * Scores the given entities again, e.g. after a code-host cycle stored new
   * facts for them, so that scores follow the facts without waiting for the
   * scheduled scoring. Returns how many were scored.
   */
  async refreshEntities(entityRefs: readonly string[]): Promise<number> {
    if (entityRefs.length === 0) {
      return 0;
    }
    try {
      return await this.refresher.refreshEntities(entityRefs);
    } finally {
      await this.index.reload().catch(() => undefined);
    }
  }

  /** The scheduled scoring of every selected entity. */
  async refreshAll(signal?: AbortSignal): Promise<ScorecardRefreshResult> {
    try {
      return await this.refresher.refreshAll(signal);
    } catch (error) {
      throw new ForwardedError(
        'The scorecards could not be refreshed from the catalog; they keep their last content',
        error,
      );
    } finally {
      // Whatever was written, even part of a cycle, is served at once.
      await this.index.reload().catch(() => undefined);
    }
  }

  private async readableScorecard(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard | undefined> {
    const entry = (await this.index.current()).get(entityRef);
    if (!entry) {
      return undefined;
    }
    const isVisible = await this.readable.visibility([entry], credentials);
    return isVisible(entry.id)
      ? this.index.scorecardOf(entry.entityRef)
      : undefined;
  }

  /** Asks the catalog with the caller's own credentials. */
  private async canRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: [entityRef],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return Boolean(items[0]);
  }

  /** The error for an entity without a readable scorecard. */
  private async notScored(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<NotFoundError> {
    if (!(await this.canRead(entityRef, credentials))) {
      return new NotFoundError(`No entity ${entityRef} found`);
    }
    if (!(await this.refresher.isSelected(entityRef))) {
      return new NotFoundError(
        `${entityRef} is not scored: innersource.scorecards.entities does not select it`,
      );
    }
    return new NotFoundError(
      `${entityRef} has not been scored yet; scorecards are computed on a schedule`,
    );
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
