import {
  CheckResult,
  Scorecard,
  ScorecardCheck,
} from '@innersource/backstage-plugin-innersource-common';

export type FailingCheck = {
  /** Undefined when the result names a check that is no longer configured. */
  check?: ScorecardCheck;
  result: CheckResult;
  /** It stands between the entity and its next level. */
  blocking: boolean;
};

/**
 * The failing checks worth fixing first: those that block the next level, then
 * the other failures, each group by weight (heaviest first, ties in check order).
 */
export function mostImportantFailingChecks(
  scorecard: Pick<Scorecard, 'results' | 'nextLevel'>,
  checks: ScorecardCheck[],
  max: number,
): FailingCheck[] {
  const blockingIds = new Set(scorecard.nextLevel?.blockingChecks ?? []);
  const checksById = new Map(checks.map(check => [check.id, check]));
  const order = new Map(checks.map((check, index) => [check.id, index]));
  return scorecard.results
    .filter(
      result => result.status === 'fail' || blockingIds.has(result.checkId),
    )
    .map(result => ({
      check: checksById.get(result.checkId),
      result,
      blocking: blockingIds.has(result.checkId),
    }))
    .sort(
      (a, b) =>
        Number(b.blocking) - Number(a.blocking) ||
        (b.check?.weight ?? 0) - (a.check?.weight ?? 0) ||
        (order.get(a.result.checkId) ?? Infinity) -
          (order.get(b.result.checkId) ?? Infinity),
    )
    .slice(0, max);
}
