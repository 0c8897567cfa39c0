/**
 * What a provider keeps per code host across cycles: a cap on the requests
 * in flight to that host, and the time until which nothing may be sent to
 * it after a rate limit. A provider holds one gate per host (a
 * {@link PerHostReader} makes them) and sends every request through `run`.
 *
 * @public
 */
export class HostRequestGate {
  readonly host: string;
  /** Requests in flight at most. */
  readonly concurrency: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private blocked?: Date;

  constructor(host: string, options: { concurrency: number }) {
    if (!(options.concurrency >= 1)) {
      // A gate that lets nothing through would leave every read waiting.
      throw new Error(
        `concurrency for ${host} must be at least 1, got ${options.concurrency}`,
      );
    }
    this.host = host.toLowerCase();
    this.concurrency = options.concurrency;
  }

  /** Runs `task` once fewer than `concurrency` tasks run; the rest wait their turn in order. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      // The finishing task hands its slot over, so `active` stays as it is.
      await new Promise<void>(resolve => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.active -= 1;
      }
    }
  }

  /** Until when nothing is sent to this host, if it is rate limited now. */
  blockedUntil(now: number = Date.now()): Date | undefined {
    if (this.blocked && this.blocked.getTime() > now) {
      return this.blocked;
    }
    this.blocked = undefined;
    return undefined;
  }

  /** Sends nothing more to this host before `until`; an earlier time never shortens a block. */
  block(until: Date): void {
    if (!this.blocked || this.blocked < until) {
      this.blocked = until;
    }
  }
}
