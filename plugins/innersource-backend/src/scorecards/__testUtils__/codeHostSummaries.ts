import {
  ContributionSummary,
  EntityCodeHostSummary,
} from '@innersource/backstage-plugin-innersource-common';

/** What the contributions of 180 days show, with the given counts. */
export function contributionSummary(
  overrides: Partial<ContributionSummary> = {},
): ContributionSummary {
  const merged = overrides.merged ?? 0;
  const outside = overrides.outside ?? 0;
  return {
    windowDays: 180,
    merged,
    outside,
    inside: merged - outside - (overrides.unknown ?? 0),
    unknown: 0,
    unknownLogins: [],
    crossTeamRatio: merged > 0 ? outside / merged : null,
    contributingTeams: [],
    medianFirstResponseHours: null,
    responseSamples: 0,
    truncated: false,
    ...overrides,
  };
}

/** The code-host summary of a scorecard whose facts were read and still count. */
export function freshCodeHost(
  name: string,
  overrides: Partial<EntityCodeHostSummary> = {},
): EntityCodeHostSummary {
  return {
    status: 'fresh',
    repository: {
      provider: 'github',
      host: 'github.com',
      slug: `acme/${name}`,
      url: `https://github.com/acme/${name}`,
    },
    readAt: '2026-03-10T11:00:00.000Z',
    lastCommitAt: '2026-03-09T08:00:00.000Z',
    openIssues: 0,
    newestIssues: [],
    ...overrides,
  };
}
