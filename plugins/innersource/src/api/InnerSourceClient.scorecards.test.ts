import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { HttpResponse } from 'msw';
import {
  checksResponse,
  paymentsHistory,
  paymentsScorecard,
  scorecardSummaries,
} from '../__testUtils__/scorecards';
import { setupScorecardServer } from '../__testUtils__/scorecardServer';
import { InnerSourceClient } from './InnerSourceClient';
import {
  scorecardQueryToSearchParams,
  searchParamsToScorecardQuery,
} from './scorecardSearchParams';

describe('InnerSourceClient scorecards', () => {
  const scorecards = setupScorecardServer();
  const fetchApi = mockApis.fetch();
  const fetchSpy = jest.spyOn(fetchApi, 'fetch');
  const client = new InnerSourceClient({
    discoveryApi: mockApis.discovery(),
    fetchApi,
  });

  it('gets the configured checks and levels through fetchApi', async () => {
    await expect(client.getScorecardChecks()).resolves.toEqual(checksResponse);
    expect(scorecards.requests).toEqual(['GET /checks']);
    expect(fetchSpy).toHaveBeenCalled();
  });

  it('gets the overview with filters, sort and paging in the query string', async () => {
    scorecards.serveSummaries(scorecardSummaries);

    const overview = await client.getScorecardOverview({
      owner: 'group:default/payments',
      sort: 'score-asc',
      limit: 10,
    });

    expect(scorecards.requests).toEqual([
      'GET /scorecards?owner=group%3Adefault%2Fpayments&sort=score-asc&limit=10',
    ]);
    expect(overview.items.map(item => item.name)).toEqual([
      'payments-gateway',
      'refunds-service',
    ]);
    expect(overview.teams).toEqual([
      expect.objectContaining({
        owner: 'group:default/payments',
        averageScore: 56,
      }),
    ]);
  });

  it('gets the scorecard of one entity by kind, namespace and name', async () => {
    scorecards.serveScorecard(paymentsScorecard);

    await expect(
      client.getEntityScorecard('Component:default/payments-gateway'),
    ).resolves.toEqual(paymentsScorecard);
    expect(scorecards.requests).toEqual([
      'GET /scorecards/Component/default/payments-gateway',
    ]);
  });

  it('returns undefined for an entity that is not scored yet', async () => {
    await expect(
      client.getEntityScorecard('component:default/new-service'),
    ).resolves.toBeUndefined();
  });

  it('throws a ResponseError when the backend fails', async () => {
    scorecards.failWith(() =>
      HttpResponse.json(
        {
          error: { name: 'Error', message: 'database is down' },
          response: { statusCode: 500 },
        },
        { status: 500 },
      ),
    );

    const error = await client
      .getEntityScorecard('component:default/payments-gateway')
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
    await expect(client.getScorecardChecks()).rejects.toBeInstanceOf(
      ResponseError,
    );
  });

  it('gets the history, and no points for an entity without any', async () => {
    scorecards.serveScorecard(paymentsScorecard, paymentsHistory);

    await expect(
      client.getScorecardHistory('component:default/payments-gateway'),
    ).resolves.toEqual(paymentsHistory);
    await expect(
      client.getScorecardHistory('component:default/new-service'),
    ).resolves.toEqual({
      entityRef: 'component:default/new-service',
      points: [],
    });
  });

  it('recomputes a scorecard with a POST and returns the new one', async () => {
    const recomputed = { ...paymentsScorecard, score: 60 };
    scorecards.allowRefresh(recomputed);

    await expect(
      client.refreshScorecard('component:default/payments-gateway'),
    ).resolves.toEqual(recomputed);
    expect(scorecards.requests).toEqual([
      'POST /scorecards/component/default/payments-gateway/refresh',
    ]);
  });

  it('rejects a recompute the user is not allowed to do with the 403', async () => {
    const error = await client
      .refreshScorecard('component:default/payments-gateway')
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
  });

  it('encodes names that are not URL-safe', async () => {
    await client.getEntityScorecard('component:default/a b#c');
    expect(scorecards.requests).toEqual([
      'GET /scorecards/component/default/a%20b%23c',
    ]);
  });
});

describe('scorecard overview search params', () => {
  it('round-trips a query', () => {
    const query = {
      level: 'silver',
      owner: 'group:default/payments',
      sort: 'name' as const,
      limit: 25,
      offset: 50,
    };
    expect(
      searchParamsToScorecardQuery(scorecardQueryToSearchParams(query)),
    ).toEqual(query);
  });

  it('drops unknown sorts and invalid numbers', () => {
    expect(
      searchParamsToScorecardQuery(
        new URLSearchParams('sort=random&limit=-1&offset=abc&level=%20'),
      ),
    ).toEqual({});
  });
});
