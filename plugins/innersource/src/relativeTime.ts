const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

function parse(iso: string | undefined | null): number | undefined {
  if (!iso) {
    return undefined;
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * How long ago an ISO 8601 time was, as people say it: "3 days ago", "just
 * now". Undefined when the value is not a time (API data is untrusted). A time
 * slightly in the future, from clocks that disagree, reads as "just now".
 */
export function timeAgo(
  iso: string | undefined | null,
  now: Date = new Date(),
): string | undefined {
  const time = parse(iso);
  if (time === undefined) {
    return undefined;
  }
  const elapsed = now.getTime() - time;
  for (const [unit, length] of UNITS) {
    if (elapsed >= length) {
      return format.format(-Math.floor(elapsed / length), unit);
    }
  }
  return 'just now';
}

/** The time in the reader's locale and time zone, or undefined when it is not a time. */
export function localTime(iso: string | undefined | null): string | undefined {
  const time = parse(iso);
  return time === undefined ? undefined : new Date(time).toLocaleString();
}

/** True when `a` is a later time than `b`; false when either is not a time. */
export function isLater(
  a: string | undefined | null,
  b: string | undefined | null,
): boolean {
  const first = parse(a);
  const second = parse(b);
  return first !== undefined && second !== undefined && first > second;
}
