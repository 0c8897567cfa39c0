const HOUR = 60 * 60 * 1000;

/** An ISO time this many hours before the test runs, so ages read the same every day. */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * HOUR).toISOString();
}
