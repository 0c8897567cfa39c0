import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ForwardedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityRefIds } from '../lib/EntityRefIds';
import { ReadableEntities } from '../lib/ReadableEntities';
import { BoardExport, LoadedCodeHostFacts } from './BoardIndex';
import { BoardRefresher, BoardRefreshResult } from './BoardRefresher';
import { BoardSnapshot } from './BoardSnapshot';
import { BoardStore } from './BoardStore';
import { SortKey } from './cursor';
import { BoardItem, BoardPage, BoardQuery } from './types';

/** Exports hold at most this many items. */
export const BOARD_EXPORT_MAX_ITEMS = 5_000;

/** The answer to an on-demand refresh of one entity. */
export type BoardEntityRefreshResult = {
  entityRef: string;
  /** Whether the entity is on the board after the refresh. */
  listed: boolean;
  item?: BoardItem;
};

export type HelpWantedBoardOptions = {
  store: BoardStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /**
   * The live issues of the entries, from the stored scorecards (the
   * `ScorecardIndex`), so that the board, the badges and the scorecards show
   * one snapshot. Without it, items carry no code-host facts.
   */
  codeHostFacts?: { current(): Promise<LoadedCodeHostFacts> };
  /** How long a caller's read permissions are trusted; default 30 s. */
  readableMaxAgeMs?: number;
  /** How often to look for another replica's writes; default 5 s. */
  revisionCheckIntervalMs?: number;
  clock?: () => Date;
};

/**
 * The help-wanted board as the API serves it: the stored board in memory, shown
 * to each caller with only the entities the catalog lets them read, and kept up to
 * date from the catalog.
 */
export class HelpWantedBoard {
  private readonly snapshot: BoardSnapshot;
  private readonly readable: ReadableEntities;
  private readonly refresher: BoardRefresher;
  private readonly ids = new EntityRefIds();
  private codeHostFailing = false;

  constructor(private readonly options: HelpWantedBoardOptions) {
    const { store, catalog, auth, logger } = options;
    const clock = () => this.now().getTime();
    this.snapshot = new BoardSnapshot({
      store,
      ids: this.ids,
      logger,
      revisionCheckIntervalMs: options.revisionCheckIntervalMs,
      clock,
    });
    this.readable = new ReadableEntities({
      catalog,
      auth,
      maxAgeMs: options.readableMaxAgeMs,
      clock,
    });
    this.refresher = new BoardRefresher({ catalog, auth, store, logger });
  }

  /** A page of the board, its total and facets, counting only what the caller may read. */
  async query(
    query: BoardQuery,
    page: { limit: number; after?: SortKey },
    credentials: BackstageCredentials,
  ): Promise<BoardPage> {
    const [index, codeHost] = await Promise.all([
      this.snapshot.current(),
      this.codeHost(),
    ]);
    const isVisible = await this.readable.visibility(
      index.entities,
      credentials,
    );
    return index.query(query, {
      ...page,
      now: this.now(),
      isVisible,
      codeHost,
    });
  }

  /** Every matching item the caller may read, up to {@link BOARD_EXPORT_MAX_ITEMS}. */
  async export(
    query: BoardQuery,
    credentials: BackstageCredentials,
  ): Promise<BoardExport> {
    const [index, codeHost] = await Promise.all([
      this.snapshot.current(),
      this.codeHost(),
    ]);
    const isVisible = await this.readable.visibility(
      index.entities,
      credentials,
    );
    return index.export(query, {
      now: this.now(),
      isVisible,
      max: BOARD_EXPORT_MAX_ITEMS,
      codeHost,
    });
  }

  /**
   * One entity's item for today, regardless of who asks (check visibility
   * first); undefined when it is not on the board. From memory, for badges.
   */
  async boardItemOf(entityRef: string): Promise<BoardItem | undefined> {
    const [index, codeHost] = await Promise.all([
      this.snapshot.current(),
      this.codeHost(),
    ]);
    return index.item(entityRef, this.now(), codeHost);
  }

  /** The scheduled refresh of the whole board. */
  async refreshAll(signal?: AbortSignal): Promise<BoardRefreshResult> {
    try {
      const result = await this.refresher.refreshAll(signal);
      if (result.changed > 0 || result.removed > 0) {
        await this.snapshot.reload();
      }
      return result;
    } catch (error) {
      throw new ForwardedError(
        'The help-wanted board could not be refreshed from the catalog; it keeps its last content',
        error,
      );
    }
  }

  /**
   * Refreshes one entity, read with the caller's credentials: an entity the caller
   * cannot read is not found, whether or not it exists.
   */
  async refreshEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<BoardEntityRefreshResult> {
    const entityRef = stringifyEntityRef(ref);
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} found`);
    }
    const entry = await this.refresher.refreshEntity(entity);
    const index = await this.snapshot.reload();
    this.readable.remember(credentials, this.ids.idOf(entityRef), true);
    const item = entry
      ? index.item(entityRef, this.now(), await this.codeHost())
      : undefined;
    return { entityRef, listed: Boolean(item), item };
  }

  /**
   * The live issues as last loaded. When they cannot be loaded, the board is
   * served without them (and says so once in the log) rather than not at all.
   */
  private async codeHost(): Promise<LoadedCodeHostFacts | undefined> {
    try {
      const facts = await this.options.codeHostFacts?.current();
      this.codeHostFailing = false;
      return facts;
    } catch (error) {
      if (!this.codeHostFailing) {
        this.codeHostFailing = true;
        this.options.logger.warn(
          'The code-host facts of the help-wanted board could not be loaded; the board is shown without live issues',
          error as Error,
        );
      }
      return undefined;
    }
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
