import { createApiRef } from '@backstage/core-plugin-api';
import {
  BoardExportFormat,
  BoardPage,
  BoardQuery,
  HelpOffer,
  HelpOfferResult,
} from './types';

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
}

/**
 * The {@link InnerSourceApi} of the app.
 *
 * @public
 */
export const innerSourceApiRef = createApiRef<InnerSourceApi>({
  id: 'plugin.innersource.service',
});
