import {
  EntityCodeHostSummary,
  EntityScorecard,
  ScorecardCheck,
  ScorecardChecksResponse,
  ScorecardHistory,
  ScorecardLevel,
  ScorecardSummary,
  TeamScorecardRollup,
} from '@innersource/backstage-plugin-innersource-common';
import { HOSTILE_HTML, HOSTILE_URL } from './entities';
import { hoursAgo } from './time';

export const scorecardLevels: ScorecardLevel[] = [
  {
    id: 'bronze',
    title: 'Discoverable',
    description: 'People can find the project.',
    rank: 1,
  },
  {
    id: 'silver',
    title: 'Welcoming',
    description: 'A newcomer knows how to contribute.',
    rank: 2,
  },
  {
    id: 'gold',
    title: 'Collaborative',
    description: 'Other teams actually contribute.',
    rank: 3,
  },
];

function check(
  id: string,
  title: string,
  level: string,
  weight: number,
  docsUrl?: string,
): ScorecardCheck {
  return {
    id,
    title,
    level,
    weight,
    description: `Whether the project has ${title.toLowerCase()}.`,
    remediation: `Fix ${id}.`,
    docsUrl,
    needs: 'annotations',
  };
}

export const scorecardChecks: ScorecardCheck[] = [
  check('owner-is-team', 'Owned by a team', 'bronze', 3),
  check(
    'readme',
    'README',
    'bronze',
    2,
    'https://docs.example.com/innersource/readme',
  ),
  check('chat', 'Chat channel', 'silver', 1),
  check('trusted-committers', 'Trusted committers', 'silver', 3),
  check('codeowners', 'CODEOWNERS', 'silver', 1),
  check('license', 'License', 'silver', 1),
  {
    ...check('outside-contributions', 'Outside contributions', 'gold', 5),
    needs: 'code-host',
  },
  {
    ...check('response-time', 'Response time', 'gold', 2),
    needs: 'code-host',
  },
  {
    ...check('good-first-issues', 'Good first issues', 'gold', 1),
    needs: 'code-host',
    optional: true,
  },
];

export const checksResponse: ScorecardChecksResponse = {
  checks: scorecardChecks,
  levels: scorecardLevels,
};

/**
 * Bronze, next level silver blocked by chat and trusted committers; two gold
 * checks fail too, the outside contributions with the highest weight of all.
 */
export const paymentsScorecard: EntityScorecard = {
  entityRef: 'component:default/payments-gateway',
  kind: 'Component',
  namespace: 'default',
  name: 'payments-gateway',
  title: 'Payments Gateway',
  owner: 'group:default/payments',
  computedAt: '2024-05-02T06:00:00.000Z',
  level: 'bronze',
  score: 42,
  nextLevel: { id: 'silver', blockingChecks: ['chat', 'trusted-committers'] },
  unknownExemptions: [],
  results: [
    {
      checkId: 'owner-is-team',
      status: 'pass',
      evidence: 'spec.owner is group:default/payments',
    },
    { checkId: 'readme', status: 'pass', evidence: 'README.md found' },
    {
      checkId: 'chat',
      status: 'fail',
      evidence: 'innersource/chat is not set',
    },
    {
      checkId: 'trusted-committers',
      status: 'fail',
      evidence: 'user:default/ghost is not in the catalog',
    },
    {
      checkId: 'codeowners',
      status: 'exempt',
      evidence: 'no CODEOWNERS file',
      exemptionReason: 'the whole team reviews every change',
    },
    { checkId: 'license', status: 'warn', evidence: 'license is a URL' },
    {
      checkId: 'outside-contributions',
      status: 'fail',
      evidence: '0 contributions from other teams in 180 days',
    },
    {
      checkId: 'response-time',
      status: 'fail',
      evidence: 'median first response 96h, promised 48h',
    },
    {
      checkId: 'good-first-issues',
      status: 'not-reported',
      evidence: 'no code-host integration for this repository',
    },
  ],
};

/** A scorecard whose every text came from somewhere hostile. */
export const hostileScorecard: EntityScorecard = {
  ...paymentsScorecard,
  results: paymentsScorecard.results.map(result => ({
    ...result,
    evidence: `${HOSTILE_HTML} ${result.evidence}`,
    exemptionReason: result.exemptionReason && HOSTILE_HTML,
  })),
};

export const hostileChecksResponse: ScorecardChecksResponse = {
  levels: scorecardLevels,
  checks: scorecardChecks.map(c => ({
    ...c,
    remediation: `<b>${HOSTILE_HTML}</b>`,
    docsUrl: HOSTILE_URL,
  })),
};

export const paymentsHistory: ScorecardHistory = {
  entityRef: 'component:default/payments-gateway',
  points: [
    { day: '2024-04-30', score: 20 },
    { day: '2024-05-01', score: 35, level: 'bronze' },
    { day: '2024-05-02', score: 42, level: 'bronze' },
  ],
};

function summary(
  name: string,
  owner: string,
  score: number | null,
  level?: string,
  failingChecks: string[] = [],
): ScorecardSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner,
    level,
    score,
    failingChecks,
    computedAt: '2024-05-02T06:00:00.000Z',
  };
}

export const scorecardSummaries: ScorecardSummary[] = [
  {
    ...summary('payments-gateway', 'group:default/payments', 42, 'bronze', [
      'chat',
      'trusted-committers',
    ]),
    title: 'Payments Gateway',
  },
  summary('search-indexer', 'group:default/search', 91, 'gold'),
  summary('refunds-service', 'group:default/payments', 70, 'silver', [
    'outside-contributions',
  ]),
  summary('image-resizer', 'group:default/media', null),
];

export const teamRollups: TeamScorecardRollup[] = [
  {
    owner: 'group:default/payments',
    entities: 2,
    averageScore: 56,
    levels: { bronze: 1, silver: 1 },
  },
  {
    owner: 'group:default/search',
    entities: 1,
    averageScore: 91,
    levels: { gold: 1 },
  },
  {
    owner: 'group:default/media',
    entities: 1,
    averageScore: null,
    levels: { none: 1 },
  },
];

/** Facts read two hours ago from GitHub: 5 of 12 merged pull requests from other teams. */
export const freshCodeHost: EntityCodeHostSummary = {
  status: 'fresh',
  repository: {
    provider: 'github',
    host: 'github.com',
    slug: 'acme-retail/payments-gateway',
    url: 'https://github.com/acme-retail/payments-gateway',
  },
  readAt: hoursAgo(2),
  lastCommitAt: hoursAgo(3 * 24 + 1),
  openIssues: 4,
  newestIssues: [],
  contributions: {
    windowDays: 180,
    merged: 12,
    outside: 5,
    inside: 4,
    unknown: 3,
    unknownLogins: ['octo-cat', 'ghost-writer'],
    crossTeamRatio: 5 / 12,
    contributingTeams: [
      { team: 'group:default/search', merged: 3 },
      { team: 'group:default/web', merged: 2 },
    ],
    medianFirstResponseHours: 30,
    responseSamples: 5,
    truncated: false,
  },
};

/**
 * Welcoming, next level Collaborative: outside contributions fail, and the
 * response time was not reported (a missing fact). The good-first issues were
 * not reported either, but that check is optional and blocks nothing.
 */
export const goldCandidateScorecard: EntityScorecard = {
  ...paymentsScorecard,
  level: 'silver',
  score: 70,
  nextLevel: {
    id: 'gold',
    blockingChecks: ['outside-contributions', 'response-time'],
    missingFacts: ['response-time'],
  },
  results: paymentsScorecard.results.map(result => {
    switch (result.checkId) {
      case 'outside-contributions':
        return {
          ...result,
          evidence: '0 merged pull requests from other teams in 180 days',
        };
      case 'response-time':
        return {
          ...result,
          status: 'not-reported',
          evidence: 'pull requests were not read: GitHub answered 403',
        };
      case 'good-first-issues':
        return result;
      default:
        return { ...result, status: 'pass' };
    }
  }),
  codeHost: freshCodeHost,
};

/**
 * The summaries with contributions: search made 30 to payments' entities and
 * received 6 from web; media's entity reported nothing.
 */
export const contributionSummaries: ScorecardSummary[] = scorecardSummaries.map(
  item => {
    switch (item.name) {
      case 'payments-gateway':
        return {
          ...item,
          contributions: {
            merged: 180,
            outside: 30,
            unknown: 10,
            contributingTeams: [{ team: 'group:default/search', merged: 30 }],
          },
        };
      case 'refunds-service':
        return {
          ...item,
          contributions: {
            merged: 20,
            outside: 0,
            unknown: 2,
            contributingTeams: [],
          },
        };
      case 'search-indexer':
        return {
          ...item,
          contributions: {
            merged: 40,
            outside: 6,
            unknown: 0,
            contributingTeams: [{ team: 'group:default/web', merged: 6 }],
          },
        };
      default:
        return item;
    }
  },
);
