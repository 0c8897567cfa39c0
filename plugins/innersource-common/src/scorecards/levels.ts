import {
  CheckResult,
  CheckStatus,
  ScorecardCheck,
  ScorecardLevel,
  ScorecardNextLevel,
} from './types';

/**
 * The default levels. Configurable under `innersource.scorecards.levels`.
 *
 * @public
 */
export const DEFAULT_SCORECARD_LEVELS: readonly ScorecardLevel[] = [
  {
    id: 'bronze',
    title: 'Bronze',
    description:
      'Discoverable: people can find the project, see what it does and which team owns it, and read its documentation.',
    rank: 1,
  },
  {
    id: 'silver',
    title: 'Silver',
    description:
      'Welcoming: a newcomer knows how to contribute, where to ask, who reviews, and on which terms.',
    rank: 2,
  },
  {
    id: 'gold',
    title: 'Gold',
    description:
      'Collaborative: other teams actually contribute, find issues to start with, and get timely answers.',
    rank: 3,
  },
];

/**
 * Statuses that count: an applicable check either passes (`pass`, `warn`) or
 * fails. `not-applicable`, `exempt` and `not-reported` are left out of levels
 * and the score alike.
 *
 * @public
 */
export function isApplicable(status: CheckStatus): boolean {
  return status === 'pass' || status === 'warn' || status === 'fail';
}

/** `warn` passes: the problem is shown, but does not hold the entity back. @public */
export function isPassing(status: CheckStatus): boolean {
  return status === 'pass' || status === 'warn';
}

/** @public */
export type ScorecardLevelStanding = {
  /** The id of the highest level held; undefined when none is. */
  level?: string;
  /** The first level not held; undefined when the top level is held. */
  nextLevel?: ScorecardNextLevel;
};

/**
 * The level rule, in one place. Levels are climbed by rank, lowest first; an
 * entity holds a level when
 *
 * - no applicable check of that level fails (`warn` passes; `not-applicable`,
 *   `exempt` and `not-reported` are left out, so missing data never blocks), and
 * - at least one check of that level is applicable: a level is never held on
 *   no evidence at all (e.g. gold without any code-host data), and
 * - it holds every lower level.
 *
 * A check without a result counts as `not-reported`; checks of a level not in
 * `levels` are ignored.
 *
 * @public
 */
export function levelOf(
  results: readonly CheckResult[],
  checks: readonly ScorecardCheck[],
  levels: readonly ScorecardLevel[],
): ScorecardLevelStanding {
  const statusOf = new Map(results.map(r => [r.checkId, r.status]));
  const ordered = [...levels].sort((a, b) => a.rank - b.rank);
  let held: string | undefined;
  for (const level of ordered) {
    const ofLevel = checks
      .filter(check => check.level === level.id)
      .map(check => ({
        id: check.id,
        status: statusOf.get(check.id) ?? ('not-reported' as const),
      }));
    const applicable = ofLevel.filter(c => isApplicable(c.status));
    const failing = applicable.filter(c => !isPassing(c.status));
    if (applicable.length === 0 || failing.length > 0) {
      const blocking =
        failing.length > 0
          ? failing
          : ofLevel.filter(c => c.status === 'not-reported');
      const nextLevel = {
        id: level.id,
        blockingChecks: blocking.map(c => c.id),
      };
      return held === undefined ? { nextLevel } : { level: held, nextLevel };
    }
    held = level.id;
  }
  return held === undefined ? {} : { level: held };
}
