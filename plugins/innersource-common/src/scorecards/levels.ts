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
 * - every check of that level was judged and passes (`pass`, `warn`), or is
 *   `not-applicable` or `exempt`: a `not-reported` check keeps the entity
 *   below the level, because a level never claims what was not seen (e.g.
 *   gold without any code-host data) — unless the check is configured
 *   `optional`, then its missing fact is left out;
 * - at least one check of that level is applicable, so that a level is never
 *   held on no evidence at all; and
 * - it holds every lower level.
 *
 * The first level not held names what stands in its way: the failing checks
 * and the missing facts (`not-reported`), in the order of the checks. A check
 * without a result counts as `not-reported`; checks of a level not in
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
        optional: check.optional === true,
        status: statusOf.get(check.id) ?? ('not-reported' as const),
      }));
    const applicable = ofLevel.filter(c => isApplicable(c.status));
    const blocking = ofLevel.filter(
      c =>
        (isApplicable(c.status) && !isPassing(c.status)) ||
        (c.status === 'not-reported' && !c.optional),
    );
    if (applicable.length === 0 || blocking.length > 0) {
      // With nothing applicable and nothing blocking, the optional missing facts would decide it.
      const standing =
        blocking.length > 0
          ? blocking
          : ofLevel.filter(c => c.status === 'not-reported');
      const nextLevel: ScorecardNextLevel = {
        id: level.id,
        blockingChecks: standing.map(c => c.id),
        missingFacts: standing
          .filter(c => c.status === 'not-reported')
          .map(c => c.id),
      };
      return held === undefined ? { nextLevel } : { level: held, nextLevel };
    }
    held = level.id;
  }
  return held === undefined ? {} : { level: held };
}
