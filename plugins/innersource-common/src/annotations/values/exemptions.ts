import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { ScorecardExemption } from '../types';
import { toDisplayText, truncateText } from './text';

const CHECK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MAX_REASON_LENGTH = 500;

/**
 * Reads `innersource/scorecard-exempt`: `check-id: reason` pairs separated by
 * `;` (or new lines). An exemption without a reason is not accepted: the
 * scorecard shows the reason next to the exempted check.
 */
export function readExemptions(
  value: string,
  report: ProblemReporter,
): ScorecardExemption[] {
  const exemptions: ScorecardExemption[] = [];
  for (const fragment of value.split(/\r\n|[\n\r\u2028\u2029;]/)) {
    const pair = toDisplayText(fragment);
    if (pair.length === 0) {
      continue;
    }
    const colon = pair.indexOf(':');
    const checkId = (colon === -1 ? pair : pair.slice(0, colon)).trim();
    const reason = colon === -1 ? '' : pair.slice(colon + 1).trim();
    if (!CHECK_ID.test(checkId)) {
      report.error(
        `${quoteValue(pair)} does not start with a check id`,
        'write "<check-id>: <reason>", e.g. "codeowners: two maintainers review everything"',
      );
      continue;
    }
    if (reason.length === 0) {
      report.error(
        `the exemption from ${quoteValue(checkId)} has no reason`,
        `write ${quoteValue(
          `${checkId}: <why the check does not apply>`,
        )} (exemptions always need a reason)`,
      );
      continue;
    }
    if (exemptions.some(e => e.checkId === checkId)) {
      report.warning(
        `${quoteValue(checkId)} is exempted more than once`,
        'keep one exemption per check (the first reason is used)',
      );
      continue;
    }
    if (Array.from(reason).length > MAX_REASON_LENGTH) {
      report.warning(
        `the reason for exempting ${quoteValue(
          checkId,
        )} is longer than ${MAX_REASON_LENGTH} characters and is cut`,
        'keep the reason to a sentence or two and link to the details',
      );
    }
    exemptions.push({
      checkId,
      reason: truncateText(reason, MAX_REASON_LENGTH),
    });
  }
  return exemptions;
}
