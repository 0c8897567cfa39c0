/** GitHub's rate-limit resources the fixture keeps apart. */
export type RateLimitResource = 'graphql' | 'core';

/** How many points (GraphQL) and requests (REST) an hour allows; GitHub's defaults are 5,000 each. */
export type FixtureLimits = {
  graphqlPointsPerHour?: number;
  restRequestsPerHour?: number;
  /**
   * The HTTP status of a GraphQL answer refused for the primary rate limit.
   * Default 403; GitHub's GraphQL documentation also describes 200 with the
   * same `RATE_LIMITED` error and `x-ratelimit-remaining: 0`.
   */
  graphqlRateLimitedStatus?: 200 | 403;
};

/** One resource's hourly window, as GitHub keeps it per token. */
export class RateLimitWindow {
  used = 0;
  resetAt: number;
  /** While set, every new window starts used up (a host that stays rate-limited). */
  private staysExhausted = false;

  constructor(readonly limit: number, private readonly now: () => number) {
    this.resetAt = now() + 3600_000;
  }

  private roll() {
    if (this.now() >= this.resetAt) {
      this.resetAt = this.now() + 3600_000;
      this.used = this.staysExhausted ? this.limit : 0;
    }
  }

  remaining(): number {
    this.roll();
    return Math.max(0, this.limit - this.used);
  }

  /** Takes `cost` when the window has it; false (and nothing taken) otherwise. */
  take(cost: number): boolean {
    this.roll();
    if (this.limit - this.used < cost) {
      return false;
    }
    this.used += cost;
    return true;
  }

  exhaust(resetInSeconds: number, staysExhausted: boolean) {
    this.used = this.limit;
    this.resetAt = this.now() + resetInSeconds * 1000;
    this.staysExhausted = staysExhausted;
  }

  clear() {
    this.used = 0;
    this.staysExhausted = false;
    this.resetAt = this.now() + 3600_000;
  }

  headers(resource: RateLimitResource): Record<string, string> {
    const remaining = this.remaining();
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(Math.min(this.used, this.limit)),
      'x-ratelimit-reset': String(Math.ceil(this.resetAt / 1000)),
      'x-ratelimit-resource': resource,
    };
  }
}
