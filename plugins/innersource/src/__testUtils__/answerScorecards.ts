import {
  CrossTeamTotals,
  ScorecardOverview,
  ScorecardSummary,
  TeamScorecardRollup,
} from '@innersource/backstage-plugin-innersource-common';
import { searchParamsToScorecardQuery } from '../api';
import { scorecardLevels } from './scorecards';

function rollUp(items: ScorecardSummary[]): TeamScorecardRollup[] {
  const byOwner = new Map<string, ScorecardSummary[]>();
  for (const item of items) {
    const owner = item.owner ?? 'unknown';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  }
  return Array.from(byOwner, ([owner, owned]) => {
    const scores = owned.flatMap(item =>
      item.score === null ? [] : [item.score],
    );
    const levels: Record<string, number> = {};
    for (const item of owned) {
      const level = item.level ?? 'none';
      levels[level] = (levels[level] ?? 0) + 1;
    }
    return {
      owner,
      entities: owned.length,
      averageScore: scores.length
        ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)
        : null,
      levels,
      ...teamContributions(owner, owned, items),
    };
  }).sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1));
}

/**
 * What a team made for other teams' entities and received from other teams,
 * when any entity involved reported contributions.
 */
function teamContributions(
  owner: string,
  owned: ScorecardSummary[],
  all: ScorecardSummary[],
): Pick<TeamScorecardRollup, 'contributions'> {
  const reportedOwned = owned.filter(item => item.contributions);
  const made = all
    .filter(item => item.owner !== owner)
    .flatMap(item => item.contributions?.contributingTeams ?? [])
    .filter(contribution => contribution.team === owner);
  if (reportedOwned.length === 0 && made.length === 0) {
    return {};
  }
  return {
    contributions: {
      made: made.reduce((sum, contribution) => sum + contribution.merged, 0),
      received: reportedOwned.reduce(
        (sum, item) => sum + (item.contributions?.outside ?? 0),
        0,
      ),
    },
  };
}

function crossTeam(items: ScorecardSummary[]): CrossTeamTotals | undefined {
  const reported = items.flatMap(item =>
    item.contributions ? [item.contributions] : [],
  );
  if (reported.length === 0) {
    return undefined;
  }
  const merged = reported.reduce((sum, c) => sum + c.merged, 0);
  const outside = reported.reduce((sum, c) => sum + c.outside, 0);
  const pairs = items.flatMap(item =>
    (item.contributions?.contributingTeams ?? [])
      .filter(({ team }) => item.owner && team !== item.owner)
      .map(({ team, merged: count }) => ({
        from: team,
        to: item.owner!,
        merged: count,
      })),
  );
  return {
    merged,
    outside,
    unknown: reported.reduce((sum, c) => sum + c.unknown, 0),
    ratio: merged === 0 ? null : outside / merged,
    entitiesReported: reported.length,
    windowDays: 180,
    pairs: pairs.sort((a, b) => b.merged - a.merged),
  };
}

/** A small stand-in for `GET /scorecards`: filters, sorts and pages like the backend. */
export function answerOverview(
  items: ScorecardSummary[],
  params: URLSearchParams,
): ScorecardOverview {
  const query = searchParamsToScorecardQuery(params);
  const matching = items.filter(
    item =>
      (!query.level || item.level === query.level) &&
      (!query.owner || item.owner === query.owner),
  );
  const sort = query.sort ?? 'score-desc';
  const sorted = [...matching].sort((a, b) => {
    if (sort === 'name') {
      return a.name.localeCompare(b.name);
    }
    const direction = sort === 'score-asc' ? 1 : -1;
    return direction * ((a.score ?? -1) - (b.score ?? -1));
  });
  const offset = query.offset ?? 0;
  return {
    items: sorted.slice(offset, offset + (query.limit ?? 20)),
    totalItems: matching.length,
    teams: rollUp(matching),
    levels: scorecardLevels,
    ...(crossTeam(matching) ? { crossTeam: crossTeam(matching) } : {}),
  };
}
