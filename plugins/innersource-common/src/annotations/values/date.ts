import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { HELP_WANTED_EXPIRY_WARNING_DAYS } from '../types';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type ExpiryReading = {
  date: string;
  expired: boolean;
};

/** Milliseconds of midnight UTC of a calendar day, or undefined if there is no such day. */
function utcDay(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  const exists =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return exists ? date.getTime() : undefined;
}

function lastDayOfMonth(year: number, month: number): number {
  for (let day = 31; day > 28; day--) {
    if (utcDay(year, month, day) !== undefined) {
      return day;
    }
  }
  return 28;
}

/** Whole days from the UTC day of `now` to the UTC day starting at `dayMs`. */
function daysFromToday(dayMs: number, now: Date): number {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  return Math.round((dayMs - today) / DAY_MS);
}

/**
 * Days from the UTC day of `now` to a `YYYY-MM-DD` day: 0 on the day itself,
 * negative once it has passed, undefined when it is not a real date. The
 * parser's expiry warnings and the scorecard's `asks-not-expired` check both
 * count with it.
 */
export function daysLeftUntil(date: string, now: Date): number | undefined {
  const match = ISO_DATE.exec(date.trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const until = utcDay(year, month, day);
  return until === undefined ? undefined : daysFromToday(until, now);
}

/**
 * Reads `innersource/help-wanted-until`: a real calendar date `YYYY-MM-DD`. The
 * asks stay valid through that day; the day is compared in UTC with `now`.
 */
export function readExpiryDate(
  value: string,
  now: Date,
  report: ProblemReporter,
): ExpiryReading | undefined {
  const text = value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) {
    report.error(
      `${quoteValue(value)} is not a date`,
      'use an ISO date YYYY-MM-DD, e.g. "2035-12-31"',
    );
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const until = utcDay(year, month, day);
  if (until === undefined) {
    const fix =
      month >= 1 && month <= 12
        ? `use a day that exists, e.g. "${match[1]}-${match[2]}-${String(
            lastDayOfMonth(year, month),
          ).padStart(2, '0')}"`
        : 'use a month from 01 to 12 and a day that exists in it';
    report.error(`${quoteValue(value)} is not a calendar date`, fix);
    return undefined;
  }
  const daysLeft = daysFromToday(until, now);
  if (daysLeft < 0) {
    report.warning(
      `the asks expired on ${text}`,
      'update innersource/help-wanted-until to a future date, or remove the asks that are done',
    );
  } else if (daysLeft <= HELP_WANTED_EXPIRY_WARNING_DAYS) {
    const when =
      daysLeft === 0
        ? 'today'
        : `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
    report.warning(
      `the asks expire on ${text} (${when})`,
      'move innersource/help-wanted-until forward if the asks are still open',
    );
  }
  return { date: text, expired: daysLeft < 0 };
}
