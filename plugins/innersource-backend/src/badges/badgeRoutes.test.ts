import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BoardCodeHostFacts,
  InnerSourceBadgeLinks,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';
import express from 'express';
import Router from 'express-promise-router';
import { XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { storedEntry, wantedComponent } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/openApi';
import { BoardIndex } from '../board/BoardIndex';
import { EntityRefIds } from '../lib/EntityRefIds';
import { BadgeConfig } from './badgeConfig';
import { ScorecardSummaries } from './badgeData';
import { addBadgeRoutes } from './badgeRoutes';
import { DatabaseBadgeIdStore } from './DatabaseBadgeIdStore';
import { EntityBadges } from './EntityBadges';
import { BADGE_COLORS } from './renderBadgeSvg';

// The badge routes on an express app with Backstage's error handler, the board
// and the scorecards in memory, badge ids in SQLite, and a catalog in which
// mallory may not read the ledger.

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-06-01T12:00:00Z');
const alice = mockCredentials.user.header('user:default/alice');
const mallory = mockCredentials.user.header('user:default/mallory');

const board = new BoardIndex(
  [
    storedEntry('gateway', {
      asks: [
        { text: 'Write a quickstart' },
        { text: 'Add Klarna' },
        { text: 'Add iDEAL' },
      ],
      asksValidUntil: '2035-12-31',
    }),
    storedEntry('stale', {
      asks: [{ text: 'Old ask' }],
      asksValidUntil: '2020-01-31',
    }),
    storedEntry('quiet'),
    storedEntry('one-ask', { asks: [{ text: 'Only ask' }] }),
    storedEntry('secret-ledger', { asks: [{ text: 'Review bookings' }] }),
  ],
  new EntityRefIds(),
);

function summary(
  name: string,
  fields: Pick<ScorecardSummary, 'score' | 'level'>,
): ScorecardSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    failingChecks: [],
    computedAt: '2026-06-01T00:00:00Z',
    ...fields,
  };
}

/** Live issues as the scorecard index gives them. */
function issues(name: string, openIssues: number): BoardCodeHostFacts {
  return {
    repositoryUrl: `https://github.com/acme/${name}`,
    openIssues,
    newestIssues: [],
    lastCommitAt: '2026-05-30T00:00:00Z',
    readAt: '2026-06-01T10:00:00Z',
  };
}

class InMemoryScorecards implements ScorecardSummaries {
  readonly summaries = new Map<string, ScorecardSummary>();
  readonly codeHost = new Map<string, BoardCodeHostFacts>();
  constructor(
    summaries: ScorecardSummary[],
    codeHost: Record<string, BoardCodeHostFacts>,
  ) {
    summaries.forEach(s => this.summaries.set(s.entityRef, s));
    Object.entries(codeHost).forEach(([name, facts]) =>
      this.codeHost.set(`component:default/${name}`, facts),
    );
  }
  async summaryOf(entityRef: string) {
    return this.summaries.get(entityRef);
  }
  async codeHostFactsOf(entityRef: string) {
    return this.codeHost.get(entityRef);
  }
}

const catalogEntities = [
  'gateway',
  'stale',
  'quiet',
  'one-ask',
  'secret-ledger',
  'closed-lib',
  'unscored-lib',
].map(name => wantedComponent(name));

async function startApp(config: Partial<BadgeConfig> = {}) {
  const knex = await databases.init('SQLITE_3');
  const ids = await DatabaseBadgeIdStore.create({
    database: mockServices.database({ knex }),
  });
  const scorecards = new InMemoryScorecards(
    [
      summary('gateway', { level: 'gold', score: 92 }),
      summary('quiet', { level: 'silver', score: 55 }),
      summary('closed-lib', { score: 30 }),
      summary('unscored-lib', { score: null }),
      summary('secret-ledger', { level: 'bronze', score: 40 }),
    ],
    {
      gateway: issues('gateway', 2),
      quiet: issues('quiet', 0),
      'closed-lib': issues('closed-lib', 1),
    },
  );
  const fake = fakeCatalog(catalogEntities, {
    deny: { 'user:default/mallory': ['component:default/secret-ledger'] },
  });
  const badges = new EntityBadges({
    board: { boardItemOf: async ref => board.item(ref, NOW) },
    scorecards,
    ids,
    catalog: fake.catalog,
    auth: mockServices.auth(),
    config: { obfuscate: false, cacheMaxAgeSeconds: 300, ...config },
    externalBaseUrl: async () =>
      'https://backstage.example.com/api/innersource/',
    appBaseUrl: () => 'https://backstage.example.com',
  });
  const router = Router();
  addBadgeRoutes(router, {
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    badges,
  });
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  const app = express().use(router).use(middleware.error());
  return { app, fake, scorecards, ids, knex };
}

/** The parts of an answer that must not tell one "not found" from another. */
function observable(response: request.Response) {
  const { date, ...headers } = response.headers;
  return {
    status: response.status,
    headers,
    body: Buffer.from(response.text ?? response.body).toString('base64'),
  };
}

function getSvg(app: express.Express, path: string) {
  return request(app)
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', chunk => {
        data += chunk;
      });
      res.on('end', () => done(null, data));
    });
}

describe('the badge routes', () => {
  describe('by name, without obfuscation', () => {
    let app: express.Express;
    let fake: ReturnType<typeof fakeCatalog>;
    beforeAll(async () => {
      ({ app, fake } = await startApp());
    });

    it.each([
      ['gateway', 'contributions', 'contributions', 'welcome', 'green'],
      ['quiet', 'contributions', 'contributions', 'welcome', 'green'],
      ['stale', 'contributions', 'contributions', 'stale', 'orange'],
      ['closed-lib', 'contributions', 'contributions', 'closed', 'grey'],
      ['gateway', 'level', 'innersource', 'gold', 'gold'],
      ['quiet', 'level', 'innersource', 'silver', 'silver'],
      ['secret-ledger', 'level', 'innersource', 'bronze', 'bronze'],
      ['closed-lib', 'level', 'innersource', 'none', 'grey'],
      ['stale', 'level', 'innersource', 'none', 'grey'],
      ['gateway', 'score', 'innersource score', '92', 'green'],
      ['quiet', 'score', 'innersource score', '55', 'orange'],
      ['closed-lib', 'score', 'innersource score', '30', 'red'],
      ['unscored-lib', 'score', 'innersource score', 'n/a', 'grey'],
      ['stale', 'score', 'innersource score', 'n/a', 'grey'],
      ['gateway', 'help-wanted', 'help wanted', '3 asks, 2 issues', 'blue'],
      ['one-ask', 'help-wanted', 'help wanted', '1 ask', 'blue'],
      ['stale', 'help-wanted', 'help wanted', '0 asks', 'grey'],
      ['quiet', 'help-wanted', 'help wanted', '0 asks', 'grey'],
      // Not on the board, but its open issues still want help.
      ['closed-lib', 'help-wanted', 'help wanted', '1 issue', 'blue'],
    ] as const)(
      'shows %s as %s: "%s | %s" on %s, as SVG and as JSON',
      async (name, badge, label, message, color) => {
        const path = `/badges/component/default/${name}/${badge}`;
        const svg = await getSvg(app, path);
        expect(svg.status).toBe(200);
        expect(svg.headers['content-type']).toBe(
          'image/svg+xml; charset=utf-8',
        );
        expect(XMLValidator.validate(svg.body)).toBe(true);
        expect(svg.body).toContain(`aria-label="${label}: ${message}"`);
        expect(svg.body).toContain(`fill="${BADGE_COLORS[color]}"`);

        const json = await request(app).get(`${path}?format=json`);
        expect(json.status).toBe(200);
        expect(schemaErrors(json.body, 'InnerSourceBadge')).toEqual([]);
        expect(json.body).toMatchObject({
          badge,
          label,
          message,
          color: BADGE_COLORS[color],
        });
        // Only the help-wanted badge has numbers behind its message.
        expect('counts' in json.body).toBe(badge === 'help-wanted');
      },
    );

    it.each([
      ['gateway', { asks: 3, issues: 2 }],
      ['quiet', { asks: 0, issues: 0 }],
      // No code host reported its issues: not the same as none, though the
      // badge reads "0 asks" like quiet's.
      ['stale', { asks: 0, issues: null }],
      ['one-ask', { asks: 1, issues: null }],
      ['closed-lib', { asks: 0, issues: 1 }],
    ] as const)(
      'gives the numbers behind the help-wanted badge of %s in its JSON form',
      async (name, counts) => {
        const json = await request(app).get(
          `/badges/component/default/${name}/help-wanted?format=json`,
        );
        expect(json.body.counts).toEqual(counts);
        expect(schemaErrors(json.body, 'InnerSourceBadge')).toEqual([]);
      },
    );

    it('sends the safety and caching headers, and accepts a .svg suffix and any case', async () => {
      const plain = await getSvg(
        app,
        '/badges/component/default/gateway/level',
      );
      const suffixed = await getSvg(
        app,
        '/badges/Component/Default/Gateway/level.svg',
      );
      expect(suffixed.status).toBe(200);
      expect(suffixed.body).toBe(plain.body);
      expect(plain.headers).toMatchObject({
        'content-security-policy': expect.stringContaining(
          "default-src 'none'; script-src 'none'",
        ),
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=300',
        etag: expect.stringMatching(/^"[A-Za-z0-9_-]+"$/),
      });
    });

    it('answers JSON when the Accept header prefers it', async () => {
      const response = await request(app)
        .get('/badges/component/default/gateway/score')
        .set('Accept', 'application/json');
      expect(response.body.message).toBe('92');
    });

    it('answers 304 without a body when the ETag matches, and 200 when it does not', async () => {
      const first = await getSvg(
        app,
        '/badges/component/default/gateway/score',
      );
      const etag = first.headers.etag;
      const again = await request(app)
        .get('/badges/component/default/gateway/score')
        .set('If-None-Match', `"other", W/${etag}`);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
      expect(again.headers.etag).toBe(etag);
      const stale = await request(app)
        .get('/badges/component/default/gateway/score')
        .set('If-None-Match', '"other"');
      expect(stale.status).toBe(200);
      const json = await request(app)
        .get('/badges/component/default/gateway/score?format=json')
        .set('If-None-Match', etag);
      expect(json.status).toBe(200);
    });

    it('changes the badge and its ETag when the facts change', async () => {
      const started = await startApp();
      const before = await getSvg(
        started.app,
        '/badges/component/default/quiet/score',
      );
      started.scorecards.summaries.set(
        'component:default/quiet',
        summary('quiet', { level: 'gold', score: 97 }),
      );
      const after = await getSvg(
        started.app,
        '/badges/component/default/quiet/score',
      );
      expect(after.body).toContain('innersource score: 97');
      expect(after.headers.etag).not.toBe(before.headers.etag);
    });

    it('never asks the catalog for anonymous requests', async () => {
      fake.calls.getEntitiesByRefs.mockClear();
      fake.calls.getEntityByRef.mockClear();
      for (const name of ['gateway', 'secret-ledger', 'nope']) {
        await getSvg(app, `/badges/component/default/${name}/contributions`);
      }
      expect(fake.calls.getEntitiesByRefs).not.toHaveBeenCalled();
      expect(fake.calls.getEntityByRef).not.toHaveBeenCalled();
    });

    it('answers an unknown entity, an unreadable one and an unknown badge with the same bytes', async () => {
      for (const format of ['', '?format=json']) {
        const unknown = await getSvg(
          app,
          `/badges/component/default/no-such-thing/level${format}`,
        ).set('Authorization', mallory);
        const unreadable = await getSvg(
          app,
          `/badges/component/default/secret-ledger/level${format}`,
        ).set('Authorization', mallory);
        const unknownBadge = await getSvg(
          app,
          `/badges/component/default/gateway/stars${format}`,
        ).set('Authorization', mallory);
        expect(unknown.status).toBe(404);
        expect(observable(unreadable)).toEqual(observable(unknown));
        expect(observable(unknownBadge)).toEqual(observable(unknown));
      }
      const readable = await getSvg(
        app,
        '/badges/component/default/secret-ledger/level',
      ).set('Authorization', alice);
      expect(readable.status).toBe(200);
      const anonymous = await getSvg(
        app,
        '/badges/component/default/nope/level',
      );
      expect(anonymous.body).toContain('aria-label="innersource: not found"');
      expect(anonymous.headers['cache-control']).toBe('public, max-age=60');
    });

    it('rejects an unknown format with 400 in the error shape', async () => {
      const response = await request(app).get(
        '/badges/component/default/gateway/level?format=png',
      );
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
    });

    it('links to the name-based badges for a signed-in user who may read the entity', async () => {
      const response = await request(app)
        .get('/badges/links/Component/default/gateway')
        .set('Authorization', alice);
      expect(response.status).toBe(200);
      expect(schemaErrors(response.body, 'InnerSourceBadgeLinks')).toEqual([]);
      const links: InnerSourceBadgeLinks = response.body;
      expect(links.obfuscated).toBe(false);
      expect(links.entityUrl).toBe(
        'https://backstage.example.com/catalog/default/component/gateway',
      );
      expect(links.badges.map(b => b.url)).toEqual([
        'https://backstage.example.com/api/innersource/badges/component/default/gateway/contributions',
        'https://backstage.example.com/api/innersource/badges/component/default/gateway/level',
        'https://backstage.example.com/api/innersource/badges/component/default/gateway/score',
        'https://backstage.example.com/api/innersource/badges/component/default/gateway/help-wanted',
      ]);
      expect(links.badges[0].data.message).toBe('welcome');
    });

    it('does not give links to anonymous callers, and hides unreadable entities like unknown ones', async () => {
      expect(
        (await request(app).get('/badges/links/component/default/gateway'))
          .status,
      ).toBe(401);
      const unreadable = await request(app)
        .get('/badges/links/component/default/secret-ledger')
        .set('Authorization', mallory);
      const unknown = await request(app)
        .get('/badges/links/component/default/secret-ledger-2')
        .set('Authorization', mallory);
      expect(unreadable.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(unreadable.body.error.message.replace('-2', '')).toBe(
        unknown.body.error.message.replace('-2', ''),
      );
    });
  });

  describe('with obfuscation on', () => {
    let app: express.Express;
    beforeAll(async () => {
      ({ app } = await startApp({ obfuscate: true }));
    });

    it('serves badges only under the opaque id a signed-in reader obtains', async () => {
      const links: InnerSourceBadgeLinks = (
        await request(app)
          .get('/badges/links/component/default/gateway')
          .set('Authorization', alice)
      ).body;
      expect(links.obfuscated).toBe(true);
      const [contributions] = links.badges;
      expect(contributions.url).toMatch(
        /^https:\/\/backstage\.example\.com\/api\/innersource\/badges\/id\/[0-9a-f-]{36}\/contributions$/,
      );
      const path = new URL(contributions.url).pathname.replace(
        '/api/innersource',
        '',
      );
      const svg = await getSvg(app, path);
      expect(svg.status).toBe(200);
      expect(svg.body).toContain('contributions: welcome');

      const again: InnerSourceBadgeLinks = (
        await request(app)
          .get('/badges/links/component/default/gateway')
          .set('Authorization', alice)
      ).body;
      expect(again.badges[0].url).toBe(contributions.url);
    });

    it('answers the name route, an unknown id and a malformed id exactly like each other', async () => {
      const byName = await getSvg(
        app,
        '/badges/component/default/gateway/level',
      );
      const unknownId = await getSvg(
        app,
        `/badges/id/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/level`,
      );
      const malformedId = await getSvg(app, '/badges/id/gateway/level');
      expect(byName.status).toBe(404);
      expect(observable(unknownId)).toEqual(observable(byName));
      expect(observable(malformedId)).toEqual(observable(byName));
    });
  });
});

describe('the badge routes without obfuscation', () => {
  it('still serve ids handed out while obfuscation was on', async () => {
    const { app, ids } = await startApp();
    const id = await ids.idOf('component:default/gateway');
    const svg = await getSvg(app, `/badges/id/${id}/score`);
    expect(svg.status).toBe(200);
    expect(svg.body).toContain('innersource score: 92');
  });
});
