import {
  EntityCodeHostSummary,
  ScorecardContributionCounts,
} from '@innersource/backstage-plugin-innersource-common';

/**
 * The contribution counts a scorecard summary carries: those of fresh facts
 * only, so that lists never count what the scorecard itself no longer uses.
 */
export function contributionCountsOf(
  codeHost: EntityCodeHostSummary | undefined,
): ScorecardContributionCounts | undefined {
  const contributions = codeHost?.contributions;
  if (codeHost?.status !== 'fresh' || !contributions) {
    return undefined;
  }
  return {
    merged: contributions.merged,
    outside: contributions.outside,
    unknown: contributions.unknown,
    contributingTeams: contributions.contributingTeams.map(team => ({
      ...team,
    })),
  };
}
