import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  EntityScorecard,
  ScorecardChecksResponse,
  ScorecardHistory,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';
import { answerOverview } from './answerScorecards';
import { checksResponse } from './scorecards';

/** Where `mockApis.discovery()` puts the innersource backend. */
export const INNERSOURCE_URL = 'http://example.com/api/innersource';

/**
 * msw handlers for the scorecard routes, on the given server or a new one
 * (created at the top of a test file). `requests` holds every request as
 * `METHOD path?query`, newest last.
 */
export function setupScorecardServer(
  existing?: ReturnType<typeof setupServer>,
) {
  const server = existing ?? setupServer();
  if (!existing) {
    registerMswTestHooks(server);
  }
  const requests: string[] = [];
  let checks: ScorecardChecksResponse = checksResponse;
  let scorecards = new Map<string, EntityScorecard>();
  let histories = new Map<string, ScorecardHistory>();
  let summaries: ScorecardSummary[] = [];
  let failure: (() => Response) | undefined;
  let refreshed: EntityScorecard | undefined;

  function record(request: Request) {
    const url = new URL(request.url);
    requests.push(
      `${request.method} ${url.pathname.replace('/api/innersource', '')}${
        url.search
      }`,
    );
  }

  beforeEach(() => {
    requests.length = 0;
    checks = checksResponse;
    scorecards = new Map();
    histories = new Map();
    summaries = [];
    failure = undefined;
    refreshed = undefined;
    server.use(
      http.get(`${INNERSOURCE_URL}/checks`, ({ request }) => {
        record(request);
        return failure?.() ?? HttpResponse.json(checks);
      }),
      http.get(`${INNERSOURCE_URL}/scorecards`, ({ request }) => {
        record(request);
        return (
          failure?.() ??
          HttpResponse.json(
            answerOverview(summaries, new URL(request.url).searchParams),
          )
        );
      }),
      http.get(
        `${INNERSOURCE_URL}/scorecards/:kind/:namespace/:name/history`,
        ({ request, params }) => {
          record(request);
          const ref = `${params.kind}:${params.namespace}/${params.name}`;
          const history = histories.get(ref.toLocaleLowerCase('en-US'));
          if (failure) {
            return failure();
          }
          return history
            ? HttpResponse.json(history)
            : HttpResponse.json({}, { status: 404 });
        },
      ),
      http.get(
        `${INNERSOURCE_URL}/scorecards/:kind/:namespace/:name`,
        ({ request, params }) => {
          record(request);
          const ref = `${params.kind}:${params.namespace}/${params.name}`;
          const scorecard = scorecards.get(ref.toLocaleLowerCase('en-US'));
          if (failure) {
            return failure();
          }
          return scorecard
            ? HttpResponse.json(scorecard)
            : HttpResponse.json(
                {
                  error: { name: 'NotFoundError', message: 'not scored' },
                  response: { statusCode: 404 },
                },
                { status: 404 },
              );
        },
      ),
      http.post(
        `${INNERSOURCE_URL}/scorecards/:kind/:namespace/:name/refresh`,
        ({ request }) => {
          record(request);
          if (!refreshed) {
            return HttpResponse.json(
              {
                error: { name: 'NotAllowedError', message: 'not allowed' },
                response: { statusCode: 403 },
              },
              { status: 403 },
            );
          }
          scorecards.set(refreshed.entityRef, refreshed);
          return HttpResponse.json(refreshed);
        },
      ),
    );
  });

  return {
    server,
    requests,
    serveChecks(response: ScorecardChecksResponse) {
      checks = response;
    },
    serveScorecard(scorecard: EntityScorecard, history?: ScorecardHistory) {
      scorecards.set(scorecard.entityRef, scorecard);
      if (history) {
        histories.set(scorecard.entityRef, history);
      }
    },
    serveSummaries(items: ScorecardSummary[]) {
      summaries = items;
    },
    /** Answers every GET with this response instead; undefined to stop. */
    failWith(response: (() => Response) | undefined) {
      failure = response;
    },
    /** Lets `POST …/refresh` succeed, storing and returning this scorecard. */
    allowRefresh(scorecard: EntityScorecard) {
      refreshed = scorecard;
    },
  };
}
