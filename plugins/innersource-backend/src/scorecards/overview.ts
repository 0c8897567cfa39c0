import {
  ScorecardLevel,
  ScorecardOverview,
  ScorecardOverviewSort,
  TeamScorecardRollup,
} from '@innersource/backstage-plugin-innersource-common';
import { compareText, LoadedScorecards } from './ScorecardIndex';

/** The level filter value for entities that hold no level. */
export const NO_LEVEL = 'none';

/** A `GET /scorecards` request, checked. */
export type ScorecardOverviewQuery = {
  /** A level id, or {@link NO_LEVEL}: only entities that hold exactly that level. */
  level?: string;
  /** A full, lower-case owner ref: only entities of that owner. */
  owner?: string;
  sort: ScorecardOverviewSort;
  limit: number;
  offset: number;
};

type TeamTotals = {
  entities: number;
  scored: number;
  scoreSum: number;
  levels: Record<string, number>;
};

/**
 * The overview of the scorecards that a caller may read: filtered, sorted and
 * paged, with the roll-up per owning team over the same filtered set. An
 * entity the caller may not read counts nowhere: not in the items, not in
 * the total, not in any team.
 */
export function scorecardOverview(
  loaded: LoadedScorecards,
  query: ScorecardOverviewQuery,
  isVisible: (id: number) => boolean,
  levels: ScorecardLevel[],
): ScorecardOverview {
  const items: ScorecardOverview['items'] = [];
  const teams = new Map<string, TeamTotals>();
  let totalItems = 0;
  const end = query.offset + query.limit;
  for (const entry of loaded.sorted(query.sort)) {
    const { summary } = entry;
    const level = summary.level ?? NO_LEVEL;
    if (
      (query.level !== undefined && level !== query.level) ||
      (query.owner !== undefined && summary.owner !== query.owner) ||
      !isVisible(entry.id)
    ) {
      continue;
    }
    if (totalItems >= query.offset && totalItems < end) {
      items.push(summary);
    }
    totalItems++;
    if (summary.owner) {
      let team = teams.get(summary.owner);
      if (!team) {
        team = {
          entities: 0,
          scored: 0,
          scoreSum: 0,
          levels: Object.fromEntries(
            [...levels.map(l => l.id), NO_LEVEL].map(id => [id, 0]),
          ),
        };
        teams.set(summary.owner, team);
      }
      team.entities++;
      team.levels[level] = (team.levels[level] ?? 0) + 1;
      if (summary.score !== null) {
        team.scored++;
        team.scoreSum += summary.score;
      }
    }
  }
  const rollups: TeamScorecardRollup[] = [...teams.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([owner, team]) => ({
      owner,
      entities: team.entities,
      averageScore:
        team.scored > 0 ? Math.round(team.scoreSum / team.scored) : null,
      levels: team.levels,
    }));
  return { items, totalItems, teams: rollups, levels };
}
