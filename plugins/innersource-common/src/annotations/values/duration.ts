import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { InnerSourceDuration } from '../types';

const HOURS_PER_UNIT: Record<string, number> = { h: 1, d: 24, w: 24 * 7 };
const UNIT_WORDS: Record<string, string> = {
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
};
/** Ten years; anything longer is a typo, and would not fit a promise anyway. */
const MAX_HOURS = 10 * 365 * 24;

const DURATION = /^(\d+)([hdw])$/i;
const NEAR_DURATION = /^(\d+)\s*([a-z]+)\.?$/i;

/**
 * Reads a duration such as `2d`, `48h` or `4w`: a positive whole number and a unit
 * (h = hours, d = days, w = weeks), nothing else.
 */
export function readDuration(
  value: string,
  example: string,
  report: ProblemReporter,
): InnerSourceDuration | undefined {
  const text = value.trim();
  const match = DURATION.exec(text);
  if (match) {
    const amount = Number(match[1]);
    const unit = match[2].toLocaleLowerCase('en-US');
    const hours = amount * HOURS_PER_UNIT[unit];
    if (amount === 0) {
      report.error(
        `${quoteValue(value)} is zero`,
        `use a positive duration, e.g. ${example}`,
      );
      return undefined;
    }
    if (hours > MAX_HOURS) {
      report.error(
        `${quoteValue(value)} is longer than ten years`,
        `use a realistic duration, e.g. ${example}`,
      );
      return undefined;
    }
    return { text: `${amount}${unit}`, hours };
  }
  if (/^\d+$/.test(text)) {
    report.error(
      `${quoteValue(value)} has no unit`,
      `add h (hours), d (days) or w (weeks), e.g. "${text}d"`,
    );
    return undefined;
  }
  const near = NEAR_DURATION.exec(text);
  const unit = near && UNIT_WORDS[near[2].toLocaleLowerCase('en-US')];
  if (near && unit && near[1].length <= 6 && Number(near[1]) > 0) {
    report.error(
      `${quoteValue(value)} is not a duration`,
      `write it as "${Number(near[1])}${unit}"`,
    );
    return undefined;
  }
  report.error(`${quoteValue(value)} is not a duration`, `use e.g. ${example}`);
  return undefined;
}
