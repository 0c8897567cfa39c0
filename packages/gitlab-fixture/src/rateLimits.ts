/**
 * How many API requests a period allows. GitLab.com allows an authenticated
 * user 2,000 API requests a minute; self-managed instances choose their own.
 *
 * @public
 */
export type GitlabFixtureLimits = {
  /** Default 2,000. */
  requestsPerPeriod?: number;
  /** Default 60. */
  periodSeconds?: number;
};

/**
 * One token's request window, as GitLab's throttles (Rack::Attack) keep it:
 * every API request counts, a `304 Not Modified` and a refusal included.
 */
export class RateLimitWindow {
  readonly limit: number;
  private readonly periodMs: number;
  /** Requests counted in the current window. */
  observed = 0;
  resetAt: number;
  /** While set, every new window starts used up (a host that stays rate-limited). */
  private staysExhausted = false;

  constructor(limits: GitlabFixtureLimits, private readonly now: () => number) {
    this.limit = limits.requestsPerPeriod ?? 2000;
    this.periodMs = (limits.periodSeconds ?? 60) * 1000;
    this.resetAt = now() + this.periodMs;
  }

  private roll() {
    if (this.now() >= this.resetAt) {
      this.resetAt = this.now() + this.periodMs;
      this.observed = this.staysExhausted ? this.limit : 0;
    }
  }

  /** Counts one request; false when the window was already spent (answer 429). */
  take(): boolean {
    this.roll();
    if (this.observed >= this.limit) {
      return false;
    }
    this.observed += 1;
    return true;
  }

  /** Whole seconds until the window resets, at least 1: GitLab's `Retry-After`. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.resetAt - this.now()) / 1000));
  }

  exhaust(resetInSeconds: number, staysExhausted: boolean) {
    this.observed = this.limit;
    this.resetAt = this.now() + resetInSeconds * 1000;
    this.staysExhausted = staysExhausted;
  }

  clear() {
    this.observed = 0;
    this.staysExhausted = false;
    this.resetAt = this.now() + this.periodMs;
  }

  /** GitLab's `RateLimit-*` headers. */
  headers(): Record<string, string> {
    this.roll();
    const reset = new Date(this.resetAt);
    return {
      'ratelimit-limit': String(this.limit),
      'ratelimit-observed': String(Math.min(this.observed, this.limit)),
      'ratelimit-remaining': String(Math.max(0, this.limit - this.observed)),
      'ratelimit-reset': String(Math.ceil(this.resetAt / 1000)),
      'ratelimit-resettime': reset.toUTCString(),
    };
  }
}
