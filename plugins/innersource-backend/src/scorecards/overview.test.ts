import { DEFAULT_SCORECARD_LEVELS } from '@innersource/backstage-plugin-innersource-common';
import { schemaErrors } from '../__testUtils__/openApi';
import { entityScorecard } from './__testUtils__/scorecards';
import {
  NO_LEVEL,
  scorecardOverview,
  ScorecardOverviewQuery,
} from './overview';
import {
  contributionSummary,
  freshCodeHost,
} from './__testUtils__/codeHostSummaries';
import { indexedScorecardOf, LoadedScorecards } from './ScorecardIndex';
import { scorecardSummaryOf } from './scorecardSummary';

const levels = [...DEFAULT_SCORECARD_LEVELS];

const scorecards = [
  entityScorecard('gateway', { score: 90, level: 'silver' }),
  entityScorecard('ledger', {
    score: 40,
    level: undefined,
    owner: 'group:default/finance',
  }),
  entityScorecard('secret', {
    score: 10,
    level: 'bronze',
    owner: 'group:default/finance',
  }),
  entityScorecard('vault', { score: 70, level: 'bronze' }),
  entityScorecard('idle', { score: null, level: undefined }),
  entityScorecard('stray', { score: 60, owner: undefined }),
];
const loaded = new LoadedScorecards(
  scorecards.map((scorecard, id) => ({
    id,
    entityRef: scorecard.entityRef,
    scorecard,
    summary: scorecardSummaryOf(scorecard),
  })),
);
const SECRET_ID = 2;

const query = (q: Partial<ScorecardOverviewQuery> = {}) => ({
  sort: 'score-desc' as const,
  limit: 20,
  offset: 0,
  ...q,
});
const everything = () => true;
const notSecret = (id: number) => id !== SECRET_ID;

describe('scorecardOverview', () => {
  it('lists every readable scorecard, best first, with a roll-up per team', () => {
    const overview = scorecardOverview(loaded, query(), notSecret, levels);
    expect(overview.items.map(i => i.name)).toEqual([
      'gateway',
      'vault',
      'stray',
      'ledger',
      'idle',
    ]);
    expect(overview.totalItems).toBe(5);
    expect(overview.levels).toEqual(levels);
    expect(overview.teams).toEqual([
      {
        owner: 'group:default/finance',
        entities: 1,
        averageScore: 40,
        levels: { bronze: 0, silver: 0, gold: 0, none: 1 },
      },
      {
        owner: 'group:default/payments',
        entities: 3,
        averageScore: 80,
        levels: { bronze: 1, silver: 1, gold: 0, none: 1 },
      },
    ]);
  });

  it('counts an entity the caller may not read nowhere', () => {
    const all = scorecardOverview(loaded, query(), everything, levels);
    const denied = scorecardOverview(loaded, query(), notSecret, levels);
    expect(all.totalItems - denied.totalItems).toBe(1);
    expect(denied.items.map(i => i.name)).not.toContain('secret');
    const finance = (o: typeof all) =>
      o.teams.find(t => t.owner === 'group:default/finance');
    expect(finance(all)).toMatchObject({ entities: 2, averageScore: 25 });
    expect(finance(denied)).toMatchObject({ entities: 1, averageScore: 40 });
    const onlyBronze = scorecardOverview(
      loaded,
      query({ level: 'bronze', owner: 'group:default/finance' }),
      notSecret,
      levels,
    );
    expect(onlyBronze).toEqual({
      items: [],
      totalItems: 0,
      teams: [],
      levels,
    });
  });

  it('filters by level and owner, and rolls up the filtered set', () => {
    const bronze = scorecardOverview(
      loaded,
      query({ level: 'bronze' }),
      everything,
      levels,
    );
    expect(bronze.items.map(i => i.name)).toEqual(['vault', 'stray', 'secret']);
    expect(bronze.teams.map(t => [t.owner, t.entities])).toEqual([
      ['group:default/finance', 1],
      ['group:default/payments', 1],
    ]);

    const none = scorecardOverview(
      loaded,
      query({ level: NO_LEVEL }),
      everything,
      levels,
    );
    expect(none.items.map(i => i.name)).toEqual(['ledger', 'idle']);

    const finance = scorecardOverview(
      loaded,
      query({ owner: 'group:default/finance', sort: 'name' }),
      everything,
      levels,
    );
    expect(finance.items.map(i => i.name)).toEqual(['ledger', 'secret']);
    expect(finance.teams).toHaveLength(1);
  });

  it('pages with limit and offset, counting all matches', () => {
    const page = scorecardOverview(
      loaded,
      query({ sort: 'score-asc', limit: 2, offset: 1 }),
      everything,
      levels,
    );
    expect(page.items.map(i => i.name)).toEqual(['ledger', 'stray']);
    expect(page.totalItems).toBe(6);
    // The roll-up covers the whole filtered set, not the page.
    expect(page.teams.reduce((n, t) => n + t.entities, 0)).toBe(5);
    const past = scorecardOverview(
      loaded,
      query({ offset: 50 }),
      everything,
      levels,
    );
    expect(past.items).toEqual([]);
    expect(past.totalItems).toBe(6);
  });

  it('gives no average to a team without scores', () => {
    const idle = scorecardOverview(
      loaded,
      query({ level: NO_LEVEL, owner: 'group:default/payments' }),
      everything,
      levels,
    );
    expect(idle.teams).toEqual([
      {
        owner: 'group:default/payments',
        entities: 1,
        averageScore: null,
        levels: { bronze: 0, silver: 0, gold: 0, none: 1 },
      },
    ]);
  });

  describe('cross-team contributions', () => {
    const FINANCE = 'group:default/finance';
    const PAYMENTS = 'group:default/payments';
    const WEB = 'group:default/web';
    const withContributions = [
      entityScorecard('gateway', {
        codeHost: freshCodeHost('gateway', {
          contributions: contributionSummary({
            merged: 10,
            outside: 4,
            unknown: 2,
            contributingTeams: [
              { team: FINANCE, merged: 3 },
              { team: WEB, merged: 1 },
            ],
          }),
        }),
      }),
      entityScorecard('ledger', {
        owner: FINANCE,
        codeHost: freshCodeHost('ledger', {
          contributions: contributionSummary({
            merged: 5,
            outside: 2,
            contributingTeams: [{ team: PAYMENTS, merged: 2 }],
          }),
        }),
      }),
      entityScorecard('secret', {
        owner: FINANCE,
        codeHost: freshCodeHost('secret', {
          contributions: contributionSummary({
            merged: 8,
            outside: 8,
            contributingTeams: [{ team: PAYMENTS, merged: 8 }],
          }),
        }),
      }),
      entityScorecard('vault', {
        codeHost: freshCodeHost('vault', {
          status: 'expired',
          contributions: contributionSummary({ merged: 50, outside: 50 }),
        }),
      }),
      entityScorecard('idle', { owner: WEB }),
    ];
    const withSecretId = new LoadedScorecards(
      withContributions.map((scorecard, id) =>
        indexedScorecardOf(id, {
          ...scorecardSummaryOf(scorecard),
          codeHost: scorecard.codeHost,
        }),
      ),
    );

    it('totals outside ÷ merged over the readable entities, unknown authors in merged only', () => {
      const overview = scorecardOverview(
        withSecretId,
        query(),
        notSecret,
        levels,
      );
      expect(overview.crossTeam).toEqual({
        merged: 15,
        outside: 6,
        unknown: 2,
        ratio: 0.4,
        entitiesReported: 2,
        windowDays: 180,
        pairs: [
          { from: FINANCE, to: PAYMENTS, merged: 3 },
          { from: PAYMENTS, to: FINANCE, merged: 2 },
          { from: WEB, to: PAYMENTS, merged: 1 },
        ],
      });
      expect(schemaErrors(overview, 'ScorecardOverview')).toEqual([]);
      expect(
        overview.items.find(i => i.name === 'gateway')?.contributions,
      ).toEqual({
        merged: 10,
        outside: 4,
        unknown: 2,
        contributingTeams: [
          { team: FINANCE, merged: 3 },
          { team: WEB, merged: 1 },
        ],
      });
      // Expired facts no longer count, here as in the checks.
      expect(
        overview.items.find(i => i.name === 'vault')?.contributions,
      ).toBeUndefined();
    });

    it('gives each team what it made for other teams and received from them, leaving out what the caller may not read', () => {
      const contributionsOf = (ids: (id: number) => boolean) =>
        Object.fromEntries(
          scorecardOverview(withSecretId, query(), ids, levels).teams.map(
            team => [team.owner, team.contributions],
          ),
        );
      expect(contributionsOf(notSecret)).toEqual({
        [FINANCE]: { made: 3, received: 2 },
        [PAYMENTS]: { made: 2, received: 4 },
        // Its own entity has no facts; what it made elsewhere was seen.
        [WEB]: { made: 1, received: 0 },
      });
      expect(contributionsOf(everything)).toMatchObject({
        [FINANCE]: { made: 3, received: 10 },
        [PAYMENTS]: { made: 10, received: 4 },
      });
    });

    it('names who contributed to whom, and an unreadable entity adds nothing to a pair', () => {
      const pairsOf = (ids: (id: number) => boolean) =>
        scorecardOverview(withSecretId, query(), ids, levels).crossTeam?.pairs;
      expect(pairsOf(notSecret)).toContainEqual({
        from: PAYMENTS,
        to: FINANCE,
        merged: 2,
      });
      // The secret ledger's 8 contributions from payments show only to those who may read it.
      expect(pairsOf(everything)?.[0]).toEqual({
        from: PAYMENTS,
        to: FINANCE,
        merged: 10,
      });
    });

    it('leaves the contributions out where no entity of the set had them reported', () => {
      const webOnly = scorecardOverview(
        withSecretId,
        query({ owner: WEB }),
        everything,
        levels,
      );
      expect(webOnly.crossTeam).toBeUndefined();
      expect(webOnly.teams).toEqual([
        expect.not.objectContaining({ contributions: expect.anything() }),
      ]);
      const plain = scorecardOverview(loaded, query(), everything, levels);
      expect(plain.crossTeam).toBeUndefined();
      expect(Object.keys(plain)).not.toContain('crossTeam');
    });
  });
});
