import { createApiRef } from '@backstage/core-plugin-api';
import {
  BoardExportFormat,
  BoardPage,
  BoardQuery,
  HelpOffer,
  HelpOfferResult,
} from './types';
import {
  EntityScorecard,
  InnerSourceBadgeLinks,
  ScorecardChecksResponse,
  ScorecardHistory,
  ScorecardOverview,
} from '@innersource/backstage-plugin-innersource-common';
import { ScorecardOverviewQuery } from './scorecardSearchParams';

/**
 * The InnerSource backend as the frontend sees it.
 *
 * @public
 */
export interface InnerSourceApi {
  /** One page of the help-wanted board; pass the previous page's `nextCursor` for the next. */
  getBoard(
    query: BoardQuery,
    options?: { signal?: AbortSignal },
  ): Promise<BoardPage>;

  /**
   * The URL of an export of every item that matches the query (`limit` and `cursor`
   * are ignored). The backend requires the user's Backstage token, which a plain
   * link does not send; `getBoardExport` fetches the file with it.
   */
  getBoardExportUrl(
    query: BoardQuery,
    format: BoardExportFormat,
  ): Promise<string>;

  /** The export of every item that matches the query, fetched with the user's token. */
  getBoardExport(query: BoardQuery, format: BoardExportFormat): Promise<Blob>;

  /**
   * "I want to help": notifies the owner of an entity on the board that the
   * signed-in user offers help. Rejects with a `ResponseError` (e.g. 429 when the
   * user offered help too often; its message says when to try again).
   */
  offerHelp(entityRef: string, offer: HelpOffer): Promise<HelpOfferResult>;

  /** The configured scorecard checks, in order, and the levels. */
  getScorecardChecks(): Promise<ScorecardChecksResponse>;

  /**
   * The scored entities the user may read, filtered, sorted and paged, with the
   * roll-up per owning team over the same filtered set.
   */
  getScorecardOverview(
    query: ScorecardOverviewQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ScorecardOverview>;

  /**
   * The stored scorecard of one entity; undefined when it has not been scored yet
   * (or the user may not read it: the backend does not tell the two apart).
   */
  getEntityScorecard(entityRef: string): Promise<EntityScorecard | undefined>;

  /** The entity's score per day, oldest first; no points when it has none. */
  getScorecardHistory(entityRef: string): Promise<ScorecardHistory>;

  /**
   * Recomputes the entity's scorecard now and returns it. Rejects with a
   * `ResponseError` (403 without `innersourceScorecardRefreshPermission`).
   */
  refreshScorecard(entityRef: string): Promise<EntityScorecard>;

  /**
   * The public URLs of the entity's README badges and of its page. Rejects with
   * a `ResponseError` (404 when the entity has no badges or the user may not
   * read it: the backend does not tell the two apart).
   */
  getBadgeLinks(entityRef: string): Promise<InnerSourceBadgeLinks>;
}

/**
 * The {@link InnerSourceApi} of the app.
 *
 * @public
 */
export const innerSourceApiRef = createApiRef<InnerSourceApi>({
  id: 'plugin.innersource.service',
});
