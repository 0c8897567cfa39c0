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
import { BoardExport } from '../board/BoardIndex';
import { BoardSnapshot } from '../board/BoardSnapshot';
import { SortKey } from '../board/cursor';
import { EntityRefIds } from '../board/EntityRefIds';
import { BoardItem, BoardPage, BoardQuery } from '../board/types';
import { BoardRefresher, BoardRefreshResult } from '../catalog/BoardRefresher';
import { ReadableEntities } from '../catalog/ReadableEntities';
import { BoardStore } from '../database/BoardStore';

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
    const index = await this.snapshot.current();
    const isVisible = await this.readable.visibility(
      index.entities,
      credentials,
    );
    return index.query(query, { ...page, now: this.now(), isVisible });
  }

  /** Every matching item the caller may read, up to {@link BOARD_EXPORT_MAX_ITEMS}. */
  async export(
    query: BoardQuery,
    credentials: BackstageCredentials,
  ): Promise<BoardExport> {
    const index = await this.snapshot.current();
    const isVisible = await this.readable.visibility(
      index.entities,
      credentials,
    );
    return index.export(query, {
      now: this.now(),
      isVisible,
      max: BOARD_EXPORT_MAX_ITEMS,
    });
  }

  /**
   * One entity's item for today, regardless of who asks (check visibility
   * first); undefined when it is not on the board. From memory, for badges.
   */
  async boardItemOf(entityRef: string): Promise<BoardItem | undefined> {
    const index = await this.snapshot.current();
    return index.item(entityRef, this.now());
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
    const item = entry ? index.item(entityRef, this.now()) : undefined;
    return { entityRef, listed: Boolean(item), item };
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
