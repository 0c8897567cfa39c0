import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { boardItems } from '../__testUtils__/boardItems';
import { BOARD_URL, setupBoardServer } from '../__testUtils__/boardServer';
import { InnerSourceClient } from './InnerSourceClient';

describe('InnerSourceClient', () => {
  const board = setupBoardServer();
  const fetchApi = mockApis.fetch();
  const fetchSpy = jest.spyOn(fetchApi, 'fetch');
  const client = new InnerSourceClient({
    discoveryApi: mockApis.discovery(),
    fetchApi,
  });

  it('gets a board page with the query in the query string, through fetchApi', async () => {
    board.serveItems(boardItems);

    const page = await client.getBoard({
      text: 'kotlin',
      skills: ['kotlin'],
      contributionTypes: ['code'],
      sort: 'newest',
      limit: 1,
    });

    expect(board.lastRequest()?.toString()).toBe(
      'q=kotlin&skill=kotlin&type=code&sort=newest&limit=1',
    );
    expect(fetchSpy).toHaveBeenCalled();
    expect(page.totalItems).toBe(2);
    expect(page.items.map(item => item.name)).toEqual(['payments-gateway']);
    expect(page.nextCursor).toBe('1');
    expect(page.facets.skills).toContainEqual({ value: 'kotlin', count: 2 });
  });

  it('asks for the next page with the cursor', async () => {
    board.serveItems(boardItems);

    const page = await client.getBoard({ limit: 2, cursor: '2' });

    expect(board.lastRequest()?.get('cursor')).toBe('2');
    expect(page.items.map(item => item.name)).toEqual(['search-indexer']);
    expect(page.nextCursor).toBeUndefined();
  });

  it('throws a ResponseError with the backend message', async () => {
    board.serveResponse(() =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message: 'limit must be 1 to 100' },
          request: { method: 'GET', url: '/board' },
          response: { statusCode: 400 },
        },
        { status: 400 },
      ),
    );

    const error = await client.getBoard({}).catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe('limit must be 1 to 100');
  });

  it('builds export URLs for every matching item, without paging', async () => {
    await expect(
      client.getBoardExportUrl(
        { skills: ['kotlin'], limit: 10, cursor: '20' },
        'csv',
      ),
    ).resolves.toBe(`${BOARD_URL}?skill=kotlin&format=csv`);
    await expect(client.getBoardExportUrl({}, 'json')).resolves.toBe(
      `${BOARD_URL}?format=json`,
    );
  });

  it('downloads an export through fetchApi', async () => {
    board.server.use(
      http.get(BOARD_URL, ({ request }) =>
        new URL(request.url).searchParams.get('format') === 'csv'
          ? new HttpResponse('entityRef,title\n', {
              headers: { 'Content-Type': 'text/csv' },
            })
          : HttpResponse.json({}, { status: 500 }),
      ),
    );

    const file = await client.getBoardExport({ tags: ['jvm'] }, 'csv');

    expect(await file.text()).toBe('entityRef,title\n');
    await expect(client.getBoardExport({}, 'json')).rejects.toBeInstanceOf(
      ResponseError,
    );
  });
});
