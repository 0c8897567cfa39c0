import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import {
  apiTestEntities,
  startInnersourceTestBackend,
} from '../__testUtils__/innersourceTestBackend';
import { system, wantedComponent } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/openApi';
import { BoardItem, BoardPage } from './types';

// The board's API as a frontend sees it: the plugin in a test backend, on SQLite
// and on PostgreSQL, with the in-memory catalog of Backstage's test utilities.
// Mallory may not read the ledger; everyone else may read everything.

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const alice = mockCredentials.user.header('user:default/alice');
const mallory = mockCredentials.user.header('user:default/mallory');

const fillers = Array.from({ length: 20 }, (_, i) =>
  wantedComponent(`filler-${String(i).padStart(2, '0')}`, {
    owner: 'platform',
    annotations: {
      'innersource/skills': 'go',
      'innersource/help-wanted': `Small ask ${i}`,
    },
  }),
);

const catalogEntities: Entity[] = [
  ...apiTestEntities,
  wantedComponent('stale', {
    owner: 'web',
    annotations: {
      'innersource/help-wanted': 'Old ask',
      'innersource/help-wanted-until': '2020-01-31',
    },
  }),
  wantedComponent('formula', {
    title: '=HYPERLINK("http://evil.example","click")',
    description: '+cmd',
    owner: 'web',
  }),
  ...fillers,
  system('checkout', 'commerce'),
];

function startBackend(databaseId: string, entities = catalogEntities) {
  return startInnersourceTestBackend(databases, databaseId, entities);
}

const names = (body: { items: BoardItem[] }) =>
  body.items.map(item => item.name);

describe('the innersource API: board', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    describe('GET /board', () => {
      let backend: TestBackend;
      const get = (query: string, header = alice) =>
        request(backend.server)
          .get(`/api/innersource/board${query}`)
          .set('Authorization', header);

      beforeAll(async () => {
        ({ backend } = await startBackend(databaseId));
      }, 60_000);
      afterAll(() => backend?.stop());

      it('answers requests without a token with 401', async () => {
        const response = await request(backend.server).get(
          '/api/innersource/board',
        );
        expect(response.status).toBe(401);
        expect(schemaErrors(response.body, 'Error')).toEqual([]);
      });

      it('lists the board, refreshed from the catalog at start-up, in the documented shape', async () => {
        const response = await get('');
        expect(response.status).toBe(200);
        expect(response.headers['cache-control']).toBe('private, no-store');
        expect(schemaErrors(response.body, 'BoardPage')).toEqual([]);

        const body: BoardPage = response.body;
        expect(body.totalItems).toBe(25);
        expect(body.items).toHaveLength(20);
        expect(names(body).slice(0, 3)).toEqual([
          'gateway',
          'secret-ledger',
          'storefront',
        ]);
        expect(body.items[0]).toMatchObject({
          entityRef: 'component:default/gateway',
          title: 'Payments Gateway',
          owner: 'group:default/payments',
          system: 'system:default/checkout',
          domain: 'domain:default/commerce',
          skills: ['kotlin', 'java'],
          asksExpired: false,
        });
        expect(body.nextCursor).toEqual(expect.any(String));
        expect(body.facets.owners).toEqual([
          { value: 'group:default/platform', count: 20 },
          { value: 'group:default/web', count: 3 },
          { value: 'group:default/finance', count: 1 },
          { value: 'group:default/payments', count: 1 },
        ]);
      });

      it('filters, searches and sorts as the query string says', async () => {
        expect(names((await get('?skill=Kotlin&skill=react')).body)).toEqual([
          'gateway',
          'storefront',
        ]);
        expect(names((await get('?q=klarna')).body)).toEqual(['gateway']);
        expect(names((await get('?type=review')).body)).toEqual([
          'secret-ledger',
        ]);
        expect(names((await get('?owner=web&sort=most-asks')).body)).toEqual([
          'storefront',
          'formula',
          'stale',
        ]);
        expect(names((await get('?domain=commerce')).body)).toEqual([
          'gateway',
        ]);
        expect(
          names((await get('?system=system:default/checkout&tag=java')).body),
        ).toEqual(['gateway']);
      });

      it('pages with cursors, without repeating or skipping items', async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const response = await get(
            `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          expect(response.status).toBe(200);
          expect(response.body.totalItems).toBe(25);
          seen.push(...names(response.body));
          cursor = response.body.nextCursor;
        } while (cursor);

        const all = await get('?limit=100');
        expect(seen).toEqual(names(all.body));
        expect(new Set(seen).size).toBe(25);
      });

      it('hides asks after help-wanted-until', async () => {
        const [stale] = (await get('?owner=web&q=stale')).body.items;
        expect(stale).toMatchObject({
          name: 'stale',
          asks: [],
          asksExpired: true,
          asksValidUntil: '2020-01-31',
        });
        expect(names((await get('?q=old%20ask')).body)).toEqual([]);
      });

      describe('for a caller who may not read an entity', () => {
        it('never shows it', async () => {
          const body: BoardPage = (await get('?limit=100', mallory)).body;
          expect(names(body)).not.toContain('secret-ledger');
          expect(names((await get('?q=bookkeeping', mallory)).body)).toEqual(
            [],
          );
          expect(names((await get('?owner=finance', mallory)).body)).toEqual(
            [],
          );
        });

        it('never counts it, in totals or facets', async () => {
          const body: BoardPage = (await get('', mallory)).body;
          expect(body.totalItems).toBe(24);
          const values = Object.values(body.facets).flatMap(facet =>
            facet.map(v => v.value),
          );
          expect(values).not.toContain('group:default/finance');
          expect(values).not.toContain('cobol');
          expect(values).not.toContain('ledger');
          expect(values).not.toContain('review');
          expect(body.facets.skills).toContainEqual({
            value: 'java',
            count: 1,
          });

          const filtered: BoardPage = (
            await get('?owner=finance&skill=cobol', mallory)
          ).body;
          expect(filtered.totalItems).toBe(0);
          expect(filtered.facets.owners).toEqual([
            { value: 'group:default/finance', count: 0 },
          ]);
          expect(filtered.facets.skills).toEqual([
            { value: 'cobol', count: 0 },
          ]);
        });

        it('never exports it', async () => {
          const json = await get('?format=json', mallory);
          expect(names(json.body)).not.toContain('secret-ledger');
          expect(json.body.totalItems).toBe(24);
          const csv = await get('?format=csv', mallory);
          expect(csv.text).not.toContain('secret-ledger');
          expect(csv.text).not.toContain('bookkeeping');
        });

        it('while others still see it', async () => {
          expect(names((await get('?owner=finance')).body)).toEqual([
            'secret-ledger',
          ]);
        });
      });

      it.each([
        [
          '?limit=0',
          'Invalid query parameter "limit": must be a whole number from 1 to 100',
        ],
        [
          '?limit=500',
          'Invalid query parameter "limit": must be a whole number from 1 to 100',
        ],
        [
          '?sort=popular',
          'Invalid query parameter "sort": "popular" is not a sort; use one of relevance, newest, most-asks, most-issues, most-active',
        ],
        [
          '?issues=maybe',
          'Invalid query parameter "issues": "maybe" is not true or false; use issues=true for only entities with open issues on the code host',
        ],
        [
          '?type=cooking',
          'Invalid query parameter "type": "cooking" is not a contribution type; use one of code, docs, tests, design, review, triage, ops',
        ],
        [
          '?cursor=abc',
          'Invalid query parameter "cursor": is not a cursor of a board page with these filters and sort; leave it out to start from the first page',
        ],
        [
          '?skills=go',
          'Invalid query parameter "skills": not a parameter of the board; did you mean "skill"? Repeat it for several values',
        ],
        [
          '?skill[a]=go',
          'Invalid query parameter "skill": must be given as name=value',
        ],
      ])('answers %s with 400 naming the parameter', async (query, message) => {
        const response = await get(query);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          error: { name: 'InputError', message },
          request: { method: 'GET' },
          response: { statusCode: 400 },
        });
        expect(schemaErrors(response.body, 'Error')).toEqual([]);
      });

      it('rejects a cursor used with other filters', async () => {
        const first = await get('?limit=2&skill=go');
        const response = await get(
          `?limit=2&skill=java&cursor=${encodeURIComponent(
            first.body.nextCursor,
          )}`,
        );
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(
          /^Invalid query parameter "cursor"/,
        );
      });

      it('exports every matching item as JSON, unpaged', async () => {
        const response = await get('?format=json&limit=5');
        expect(response.status).toBe(200);
        expect(response.headers['content-disposition']).toBe(
          'attachment; filename="help-wanted-board.json"',
        );
        expect(response.headers['x-total-count']).toBe('25');
        expect(schemaErrors(response.body, 'BoardExport')).toEqual([]);
        expect(response.body.items).toHaveLength(25);
        expect(names(response.body)).toEqual(
          names((await get('?limit=100')).body),
        );
      });

      it('exports CSV that spreadsheets cannot run', async () => {
        const response = await get('?format=csv&owner=web&sort=most-asks');
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe(
          'text/csv; charset=utf-8',
        );
        expect(response.headers['content-disposition']).toBe(
          'attachment; filename="help-wanted-board.csv"',
        );
        const lines = response.text.split('\r\n');
        expect(lines[0]).toMatch(/^entityRef,kind,namespace,name,title,/);
        expect(lines).toHaveLength(5);
        expect(lines[1]).toMatch(/^component:default\/storefront,/);
        expect(lines[2]).toContain(
          `,"'=HYPERLINK(""http://evil.example"",""click"")",'+cmd,`,
        );
      });
    });

    describe('POST /board/:kind/:namespace/:name/refresh', () => {
      let backend: TestBackend;
      let fake: ReturnType<typeof fakeCatalog>;
      const refresh = (path: string, header = alice) =>
        request(backend.server)
          .post(`/api/innersource/board/${path}/refresh`)
          .set('Authorization', header);
      const board = async (query = '') =>
        (
          await request(backend.server)
            .get(`/api/innersource/board${query}`)
            .set('Authorization', alice)
        ).body as BoardPage;

      beforeAll(async () => {
        ({ backend, fake } = await startBackend(databaseId));
      }, 60_000);
      afterAll(() => backend?.stop());

      it('answers requests without a token with 401', async () => {
        const response = await request(backend.server).post(
          '/api/innersource/board/component/default/gateway/refresh',
        );
        expect(response.status).toBe(401);
      });

      it('shows a change of the catalog on the board at once', async () => {
        fake.setEntities([
          ...catalogEntities,
          wantedComponent('newcomer', {
            annotations: { 'innersource/help-wanted': 'Try the onboarding' },
          }),
        ]);
        const response = await refresh('Component/default/newcomer');
        expect(response.status).toBe(200);
        expect(schemaErrors(response.body, 'BoardEntityRefreshResult')).toEqual(
          [],
        );
        expect(response.body).toMatchObject({
          entityRef: 'component:default/newcomer',
          listed: true,
          item: { name: 'newcomer', asks: [{ text: 'Try the onboarding' }] },
        });
        expect(names(await board('?q=onboarding'))).toEqual(['newcomer']);
      });

      it('takes an entity off the board once it no longer wants contributions', async () => {
        fake.setEntities(
          catalogEntities.map(entity =>
            entity.metadata.name === 'gateway'
              ? wantedComponent('gateway', {
                  annotations: { 'innersource/contributions-wanted': 'false' },
                })
              : entity,
          ),
        );
        const response = await refresh('component/default/gateway');
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          entityRef: 'component:default/gateway',
          listed: false,
        });
        expect(names(await board('?limit=100'))).not.toContain('gateway');
      });

      it('answers 404 for an entity the caller may not read, as for one that does not exist', async () => {
        const hidden = await refresh(
          'component/default/secret-ledger',
          mallory,
        );
        const missing = await refresh('component/default/no-such-thing');
        for (const response of [hidden, missing]) {
          expect(response.status).toBe(404);
          expect(response.body.error.name).toBe('NotFoundError');
          expect(schemaErrors(response.body, 'Error')).toEqual([]);
        }
        expect(hidden.body.error.message).toBe(
          'No entity component:default/secret-ledger found',
        );
      });
    });
  });
});
