/** What every query asks about the rate limit, so that the real cost can be counted. */
export const RATE_LIMIT_SELECTION = 'rateLimit { cost remaining resetAt }';

export type RateLimitAnswer = {
  cost: number;
  remaining: number;
  /** ISO 8601 time the window resets. */
  resetAt: string;
};
