import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CodeHostBudget,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '../codeHost';
import { HostRequestGate } from './HostRequestGate';
import {
  BudgetExhausted,
  CodeHostRequestFailure,
  oneLineDetail,
  utcTime,
} from './readFailures';

/** How long a host is left alone after a rate limit that names no end. */
const RATE_LIMIT_FALLBACK_MS = 60_000;

/**
 * The host's own words in the reasons of failed reads.
 *
 * @public
 */
export type HostFailureWording = {
  /** e.g. `GitHub has no repository acme/x (renamed, deleted, or the token cannot see it)`. */
  notFound: (slug: string) => string;
  /** Said after a refused answer, e.g. `check that the token of integrations.gitlab for gitlab.com has read_api`. */
  refusedAdvice: (host: string) => string;
};

/**
 * One host in one cycle: what it reports through, when it must stop (the
 * budget ran out, the cycle was aborted, the host is rate limited), and the
 * rate-limit warning, which is logged once per host and cycle.
 *
 * @public
 */
export class HostReadCycle<TIntegration = unknown, TClient = unknown> {
  readonly host: string;
  /** e.g. `GitHub`, as the host's name appears in reasons and logs. */
  readonly hostName: string;
  readonly wording: HostFailureWording;
  readonly gate: HostRequestGate;
  readonly integration: TIntegration;
  readonly client: TClient;
  readonly budget: CodeHostBudget;
  readonly signal?: AbortSignal;
  readonly logger: LoggerService;
  private readonly onResult: (
    key: string,
    result: CodeHostReadResult,
  ) => Promise<void>;
  private halted = false;
  private rateLimitLogged = false;

  constructor(options: {
    hostName: string;
    wording: HostFailureWording;
    gate: HostRequestGate;
    integration: TIntegration;
    client: TClient;
    budget: CodeHostBudget;
    signal?: AbortSignal;
    logger: LoggerService;
    onResult: (key: string, result: CodeHostReadResult) => Promise<void>;
  }) {
    this.host = options.gate.host;
    this.hostName = options.hostName;
    this.wording = options.wording;
    this.gate = options.gate;
    this.integration = options.integration;
    this.client = options.client;
    this.budget = options.budget;
    this.signal = options.signal;
    this.logger = options.logger;
    this.onResult = options.onResult;
  }

  report(request: CodeHostReadRequest, result: CodeHostReadResult) {
    return this.onResult(request.key, result);
  }

  /** Nothing more is sent in this cycle: the budget ran out or the cycle was aborted. */
  stop() {
    this.halted = true;
  }

  /** Whether {@link HostReadCycle.stop} was called. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Whether another request may be sent: not stopped, not aborted, the host not rate limited. */
  mayContinue(): boolean {
    return !this.halted && !this.signal?.aborted && !this.gate.blockedUntil();
  }

  /**
   * Takes `cost` from the budget before a request; throws an `aborted`
   * {@link CodeHostRequestFailure} when the cycle was aborted and
   * {@link BudgetExhausted} when the budget says no.
   */
  take(cost: number) {
    if (this.signal?.aborted) {
      throw new CodeHostRequestFailure('aborted', 'the read was aborted');
    }
    if (!this.budget.take(cost)) {
      throw new BudgetExhausted();
    }
  }

  /** The host answered with a rate limit: nothing is sent to it before `until`. */
  rateLimited(until: Date) {
    this.gate.block(until);
    this.warnRateLimited(until);
  }

  /** Reports a repository that is not read because the host is rate limited until `until`. */
  async reportBlocked(request: CodeHostReadRequest, until: Date) {
    this.warnRateLimited(until);
    await this.report(request, {
      outcome: 'failed',
      reason: `${this.host} is rate limited until ${utcTime(until)}; ${
        request.repository.slug
      } was not read`,
      retryAt: until,
    });
  }

  /**
   * Reads the targets a few at a time (the gate's concurrency), in order,
   * reporting each result, until the cycle stops; while the host is rate
   * limited the remaining targets are reported blocked with `retryAt`.
   * `readOne` answers undefined when the cycle stopped before the target was
   * read: it then gets no result.
   */
  async readInTurn<T extends { request: CodeHostReadRequest }>(
    targets: T[],
    readOne: (target: T) => Promise<CodeHostReadResult | undefined>,
  ): Promise<void> {
    const queue = [...targets];
    const worker = async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        if (this.halted || this.signal?.aborted) {
          return;
        }
        const blocked = this.gate.blockedUntil();
        if (blocked) {
          await this.reportBlocked(target.request, blocked);
          continue;
        }
        const result = await readOne(target);
        if (result) {
          await this.report(target.request, result);
        }
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(this.gate.concurrency, queue.length) },
        worker,
      ),
    );
  }

  /**
   * The result of a failed read of one repository, in the host's words; an
   * abort stops the cycle and answers undefined (no result), a rate limit
   * blocks the host and says when it is read again.
   */
  failed(
    request: CodeHostReadRequest,
    failure: CodeHostRequestFailure,
  ): CodeHostReadResult | undefined {
    const slug = request.repository.slug;
    const name = this.hostName;
    switch (failure.kind) {
      case 'aborted':
        this.stop();
        return undefined;
      case 'rate-limited': {
        const until =
          failure.until ?? new Date(Date.now() + RATE_LIMIT_FALLBACK_MS);
        this.rateLimited(until);
        return {
          outcome: 'failed',
          reason: `${name} answered ${
            failure.status ?? 429
          } (rate limit) for ${slug}; ${
            this.host
          } is read again after ${utcTime(until)}`,
          retryAt: until,
        };
      }
      case 'not-found':
        return {
          outcome: 'failed',
          notFound: true,
          reason: this.wording.notFound(slug),
        };
      case 'unavailable':
        return {
          outcome: 'failed',
          reason: `${name} did not answer for ${slug} (${
            failure.status && failure.status >= 500
              ? `${failure.status}`
              : oneLineDetail(failure.message)
          }, also on the retry); the last facts stay in use until the next cycle`,
        };
      default:
        return {
          outcome: 'failed',
          reason: `${name} answered ${
            failure.status ?? 'an error'
          } for ${slug}: ${oneLineDetail(
            failure.message,
          )}; ${this.wording.refusedAdvice(this.host)}`,
        };
    }
  }

  private warnRateLimited(until: Date) {
    if (!this.rateLimitLogged) {
      this.rateLimitLogged = true;
      this.logger.warn(
        `${this.hostName} host ${
          this.host
        } is rate limited; nothing is sent to it until ${until.toISOString()}`,
      );
    }
  }
}
