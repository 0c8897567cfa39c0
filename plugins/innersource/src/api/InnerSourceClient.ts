import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { boardQueryToSearchParams } from './boardSearchParams';
import { InnerSourceApi } from './InnerSourceApi';
import {
  BoardExportFormat,
  BoardPage,
  BoardQuery,
  HelpOffer,
  HelpOfferResult,
} from './types';
import {
  BOARD_QUERY_PARAMETERS,
  EntityScorecard,
  InnerSourceBadgeLinks,
  ScorecardChecksResponse,
  ScorecardHistory,
  ScorecardOverview,
} from '@innersource/backstage-plugin-innersource-common';
import {
  ScorecardOverviewQuery,
  scorecardQueryToSearchParams,
} from './scorecardSearchParams';

/**
 * The {@link InnerSourceApi} over HTTP, at the `innersource` backend plugin. Requests
 * go through the app's `fetchApi`, so they carry the user's Backstage token.
 *
 * @public
 */
export class InnerSourceClient implements InnerSourceApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getBoard(
    query: BoardQuery,
    options?: { signal?: AbortSignal },
  ): Promise<BoardPage> {
    const url = await this.boardUrl(boardQueryToSearchParams(query));
    const response = await this.fetchApi.fetch(url, {
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as BoardPage;
  }

  async getBoardExportUrl(
    query: BoardQuery,
    format: BoardExportFormat,
  ): Promise<string> {
    const params = boardQueryToSearchParams({
      ...query,
      limit: undefined,
      cursor: undefined,
    });
    params.set(BOARD_QUERY_PARAMETERS.format, format);
    return this.boardUrl(params);
  }

  async getBoardExport(
    query: BoardQuery,
    format: BoardExportFormat,
  ): Promise<Blob> {
    const response = await this.fetchApi.fetch(
      await this.getBoardExportUrl(query, format),
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return await response.blob();
  }

  async offerHelp(
    entityRef: string,
    offer: HelpOffer,
  ): Promise<HelpOfferResult> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/board/${path}/interest`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ask: offer.ask, message: offer.message }),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as HelpOfferResult;
  }

  async getBadgeLinks(entityRef: string): Promise<InnerSourceBadgeLinks> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    return this.getJson<InnerSourceBadgeLinks>(
      `${baseUrl}/badges/links/${path}`,
    );
  }

  async getScorecardChecks(): Promise<ScorecardChecksResponse> {
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    return this.getJson<ScorecardChecksResponse>(`${baseUrl}/checks`);
  }

  async getScorecardOverview(
    query: ScorecardOverviewQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ScorecardOverview> {
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    const queryString = scorecardQueryToSearchParams(query).toString();
    return this.getJson<ScorecardOverview>(
      `${baseUrl}/scorecards${queryString ? `?${queryString}` : ''}`,
      options?.signal,
    );
  }

  async getEntityScorecard(
    entityRef: string,
  ): Promise<EntityScorecard | undefined> {
    const response = await this.fetchApi.fetch(
      await this.scorecardUrl(entityRef),
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityScorecard;
  }

  async getScorecardHistory(entityRef: string): Promise<ScorecardHistory> {
    const response = await this.fetchApi.fetch(
      `${await this.scorecardUrl(entityRef)}/history`,
    );
    if (response.status === 404) {
      return { entityRef, points: [] };
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ScorecardHistory;
  }

  async refreshScorecard(entityRef: string): Promise<EntityScorecard> {
    const response = await this.fetchApi.fetch(
      `${await this.scorecardUrl(entityRef)}/refresh`,
      { method: 'POST' },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityScorecard;
  }

  private async getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
    const response = await this.fetchApi.fetch(url, { signal });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  private async scorecardUrl(entityRef: string): Promise<string> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    return `${baseUrl}/scorecards/${path}`;
  }

  private async boardUrl(params: URLSearchParams): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    const queryString = params.toString();
    return `${baseUrl}/board${queryString ? `?${queryString}` : ''}`;
  }
}
