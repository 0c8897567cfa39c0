import { isApplicable } from './levels';
import { CheckResult, CheckStatus, ScorecardCheck } from './types';

/** The share of a check's weight that each applicable status earns. */
const EARNED: Partial<Record<CheckStatus, number>> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
};

/**
 * The score rule: the weighted share of the applicable checks that pass,
 * 0–100. A `pass` earns its check's full weight, a `warn` half of it, a `fail`
 * nothing; `not-applicable`, `exempt` and `not-reported` checks are left out
 * of both sides. Rounded to a whole number, except that 100 means every
 * applicable check passes and 0 that none earns anything (so 99.6 shows as 99,
 * 0.3 as 1).
 *
 * Returns null when no check is applicable: there is nothing to score, which
 * is neither 0 nor 100.
 *
 * @public
 */
export function scoreOf(
  results: readonly CheckResult[],
  checks: readonly ScorecardCheck[],
): number | null {
  const weightOf = new Map(checks.map(c => [c.id, c.weight]));
  let possible = 0;
  let earned = 0;
  for (const result of results) {
    const weight = weightOf.get(result.checkId);
    if (weight === undefined || !isApplicable(result.status)) {
      continue;
    }
    possible += weight;
    earned += weight * (EARNED[result.status] ?? 0);
  }
  if (possible === 0) {
    return null;
  }
  const share = (100 * earned) / possible;
  const rounded = Math.round(share);
  if (rounded === 100 && earned < possible) {
    return 99;
  }
  if (rounded === 0 && earned > 0) {
    return 1;
  }
  return rounded;
}
