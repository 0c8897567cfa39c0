import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { BoardItem } from '../api';
import { answerBoard } from './answerBoard';

/** Where `mockApis.discovery()` puts the innersource backend. */
export const BOARD_URL = 'http://example.com/api/innersource/board';

/**
 * An msw server for the board, to be created at the top of a test file. `requests`
 * holds the query string of every board request, newest last; `serve` swaps the
 * items or the whole answer for the current test.
 */
export function setupBoardServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  const requests: URLSearchParams[] = [];
  const empty = (params: URLSearchParams) =>
    HttpResponse.json(answerBoard([], params));
  let respond: (params: URLSearchParams) => Response = empty;

  beforeEach(() => {
    requests.length = 0;
    respond = empty;
    server.use(
      http.get(BOARD_URL, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        return respond(params);
      }),
    );
  });

  return {
    server,
    requests,
    /** Serves these items, filtered and paged like the backend does. */
    serveItems(items: BoardItem[]) {
      respond = params => HttpResponse.json(answerBoard(items, params));
    },
    /** Answers every board request with this response. */
    serveResponse(response: () => Response) {
      respond = () => response();
    },
    /** The query string of the latest board request. */
    lastRequest(): URLSearchParams | undefined {
      return requests[requests.length - 1];
    },
  };
}
