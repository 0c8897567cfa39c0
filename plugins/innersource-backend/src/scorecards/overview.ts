import {
  CrossTeamTotals,
  ScorecardContributionCounts,
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

/** The cross-team pairs the overview lists, most contributions first. */
const MAX_PAIRS = 50;

type TeamTotals = {
  entities: number;
  scored: number;
  scoreSum: number;
  levels: Record<string, number>;
  /** Outside merged contributions to the team's entities whose contributions were reported. */
  received: number;
  /** Whether any of the team's entities had its contributions reported. */
  reported: boolean;
};

/**
 * Cross-team counts over the entities of an overview. The ratio is outside ÷
 * merged, where merged includes the contributions of authors who map to no
 * catalog user (`unknown`): they are neither outside nor inside, so an
 * organisation with many unknown authors shows a ratio that is a lower bound.
 */
class CrossTeamCounter {
  private merged = 0;
  private outside = 0;
  private unknown = 0;
  private entitiesReported = 0;
  private windowDays = 0;
  /** Merged contributions credited to each team, on entities other teams own. */
  readonly made = new Map<string, number>();
  /** By contributing team, then by owning team: who contributed to whom. */
  private readonly pairs = new Map<string, Map<string, number>>();

  add(
    contributions: ScorecardContributionCounts,
    owner: string | undefined,
    windowDays: number | undefined,
  ) {
    this.merged += contributions.merged;
    this.outside += contributions.outside;
    this.unknown += contributions.unknown;
    this.entitiesReported++;
    this.windowDays = Math.max(this.windowDays, windowDays ?? 0);
    for (const { team, merged } of contributions.contributingTeams) {
      if (team !== owner) {
        this.made.set(team, (this.made.get(team) ?? 0) + merged);
        if (owner) {
          const to = this.pairs.get(team) ?? new Map<string, number>();
          to.set(owner, (to.get(owner) ?? 0) + merged);
          this.pairs.set(team, to);
        }
      }
    }
  }

  /** Undefined when no entity counted had its contributions reported. */
  totals(): CrossTeamTotals | undefined {
    if (this.entitiesReported === 0) {
      return undefined;
    }
    return {
      merged: this.merged,
      outside: this.outside,
      unknown: this.unknown,
      ratio: this.merged > 0 ? this.outside / this.merged : null,
      entitiesReported: this.entitiesReported,
      windowDays: this.windowDays,
      pairs: [...this.pairs.entries()]
        .flatMap(([from, to]) =>
          [...to.entries()].map(([owner, merged]) => ({
            from,
            to: owner,
            merged,
          })),
        )
        .sort(
          (a, b) =>
            b.merged - a.merged ||
            compareText(a.from, b.from) ||
            compareText(a.to, b.to),
        )
        .slice(0, MAX_PAIRS),
    };
  }
}

/**
 * The overview of the scorecards that a caller may read: filtered, sorted and
 * paged, with the roll-up per owning team and the cross-team totals over the
 * same filtered set. An entity the caller may not read counts nowhere: not in
 * the items, not in the total, not in any team, not in any contribution count.
 *
 * A team's `received` counts the outside merged contributions to the entities
 * it owns; its `made` counts the merged contributions credited to it on
 * entities other teams own. Teams are the owners of the filtered set; a team
 * that owns none of it is counted in the cross-team totals only.
 */
export function scorecardOverview(
  loaded: LoadedScorecards,
  query: ScorecardOverviewQuery,
  isVisible: (id: number) => boolean,
  levels: ScorecardLevel[],
): ScorecardOverview {
  const items: ScorecardOverview['items'] = [];
  const teams = new Map<string, TeamTotals>();
  const crossTeam = new CrossTeamCounter();
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
    if (summary.contributions) {
      crossTeam.add(
        summary.contributions,
        summary.owner,
        entry.contributionsWindowDays,
      );
    }
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
          received: 0,
          reported: false,
        };
        teams.set(summary.owner, team);
      }
      team.entities++;
      team.levels[level] = (team.levels[level] ?? 0) + 1;
      if (summary.score !== null) {
        team.scored++;
        team.scoreSum += summary.score;
      }
      if (summary.contributions) {
        team.reported = true;
        team.received += summary.contributions.outside;
      }
    }
  }
  const rollups: TeamScorecardRollup[] = [...teams.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([owner, team]) => {
      const made = crossTeam.made.get(owner);
      return {
        owner,
        entities: team.entities,
        averageScore:
          team.scored > 0 ? Math.round(team.scoreSum / team.scored) : null,
        levels: team.levels,
        ...(team.reported || made !== undefined
          ? { contributions: { made: made ?? 0, received: team.received } }
          : {}),
      };
    });
  const totals = crossTeam.totals();
  return {
    items,
    totalItems,
    teams: rollups,
    levels,
    ...(totals ? { crossTeam: totals } : {}),
  };
}
