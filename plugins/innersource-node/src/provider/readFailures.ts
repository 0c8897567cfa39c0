const MAX_REASON_DETAIL = 200;

/**
 * Why a request to a code host gave no answer to use:
 *
 * - `rate-limited`: the host's rate limit, until `until`;
 * - `not-found`: the host does not have it (404, GraphQL's NOT_FOUND);
 * - `unavailable`: 5xx, a timeout or a broken connection, after the one retry;
 * - `refused`: any other answer (401, 403 without a rate limit, 422, …);
 * - `aborted`: the cycle was aborted.
 *
 * @public
 */
export class CodeHostRequestFailure extends Error {
  constructor(
    readonly kind:
      | 'rate-limited'
      | 'not-found'
      | 'unavailable'
      | 'refused'
      | 'aborted',
    message: string,
    readonly status?: number,
    readonly until?: Date,
  ) {
    super(message);
    this.name = 'CodeHostRequestFailure';
  }
}

/**
 * Thrown inside a cycle when the budget says no before a request: nothing
 * was sent, and the rest of the host's repositories get no result.
 *
 * @public
 */
export class BudgetExhausted extends Error {
  constructor() {
    super('the cycle budget is spent');
    this.name = 'BudgetExhausted';
  }
}

/**
 * The first line of a host's message, shortened to 200 characters: reasons
 * are one line of plain text.
 *
 * @public
 */
export function oneLineDetail(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > MAX_REASON_DETAIL
    ? `${line.slice(0, MAX_REASON_DETAIL)}…`
    : line;
}

/**
 * A time of day as reasons show it, e.g. `14:05 UTC`.
 *
 * @public
 */
export function utcTime(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}
