import {
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
    };
  }).sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1));
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
  };
}
