import {
  getGitLabRequestOptions,
  GitLabIntegration,
} from '@backstage/integration';
import {
  BudgetExhausted,
  CodeHostRequestFailure,
  HostRequestGate,
} from '@innersource/backstage-plugin-innersource-node';

/** GitLab answers a 429 with Retry-After; this long when it names no time. */
const RATE_LIMIT_FALLBACK_MS = 60_000;
/** A moved project answers 301 to `/projects/<id>`; more hops than this is a loop. */
const MAX_REDIRECTS = 3;
const MAX_MESSAGE_LENGTH = 200;

/** One answer of GitLab's REST API: the body (none for a 304) and what its headers say about paging. */
export type GitlabAnswer<T> = {
  status: number;
  body?: T;
  etag?: string;
  /** `X-Next-Page`; undefined on the last page. */
  nextPage?: number;
  /** `X-Total`; GitLab leaves it out when counting would be too costly (over 10,000). */
  total?: number;
};

export type GitlabRequestContext = {
  signal?: AbortSignal;
  /** Asked before every request sent (retries and redirects too); false stops with {@link BudgetExhausted}. */
  take: () => boolean;
  /** `If-None-Match`: a 304 then answers with no body. */
  etag?: string;
};

export type GitlabQuery = Record<string, string | number | boolean | undefined>;

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

function pageNumber(value: string | null): number | undefined {
  const page = Number(value?.trim() || NaN);
  return Number.isInteger(page) && page > 0 ? page : undefined;
}

function count(value: string | null): number | undefined {
  const total = Number(value?.trim() || NaN);
  return Number.isInteger(total) && total >= 0 ? total : undefined;
}

/** The `message` of a GitLab error answer (a string, or per-field lists), on one short line. */
async function errorMessage(response: Response): Promise<string> {
  let text = '';
  try {
    text = await response.text();
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = body.message ?? body.error;
    text = typeof message === 'string' ? message : JSON.stringify(message);
  } catch {
    // Not JSON: the text as it came.
  }
  const line = (text || `HTTP ${response.status}`).split('\n')[0].trim();
  return line.length > MAX_MESSAGE_LENGTH
    ? `${line.slice(0, MAX_MESSAGE_LENGTH)}…`
    : line;
}

export type GitlabHostClientOptions = {
  integration: GitLabIntegration;
  /** The host's gate: every request goes through it, and nothing is sent while it is blocked. */
  gate: HostRequestGate;
  requestTimeoutMs: number;
  /** Milliseconds before the one retry of a 5xx or timeout. Default 1000. */
  retryDelayMs?: number;
};

/**
 * Requests to one GitLab host's REST API v4: the integration's token as
 * Backstage sends it, a timeout per attempt, one retry of a 5xx or timeout,
 * a cap on requests in flight, and a gate that sends nothing while the host
 * is rate limited (after a 429, or an answer with `RateLimit-Remaining: 0`,
 * until `Retry-After` or `RateLimit-Reset`). Redirects are followed here, on
 * the same host only, so that each hop is taken from the budget.
 */
export class GitlabHostClient {
  readonly host: string;
  private readonly apiBaseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly gate: HostRequestGate;
  private readonly requestTimeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly maxAttempts: number;
  private readonly retryStatusCodes: Set<number> | undefined;
  private readonly minSpacingMs: number;
  private nextSlotAt = 0;

  constructor(options: GitlabHostClientOptions) {
    const { integration } = options;
    this.host = integration.config.host.toLowerCase();
    this.apiBaseUrl = integration.config.apiBaseUrl.replace(/\/+$/, '');
    this.headers = {
      accept: 'application/json',
      'user-agent': 'innersource-backstage-gitlab-module',
      ...getGitLabRequestOptions(integration.config).headers,
    };
    this.gate = options.gate;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    // The integration's own retry settings (integrations.gitlab[].retry) win
    // over the module's one retry; a 429 is never retried, whatever they say:
    // it blocks the host until its Retry-After.
    const retry = integration.config.retry;
    this.maxAttempts = 1 + Math.max(0, retry?.maxRetries ?? 1);
    this.retryStatusCodes = retry?.retryStatusCodes?.length
      ? new Set(retry.retryStatusCodes.filter(code => code !== 429))
      : undefined;
    const perMinute = retry?.maxApiRequestsPerMinute ?? -1;
    this.minSpacingMs = perMinute > 0 ? 60_000 / perMinute : 0;
  }

  /** Whether an answer with this status is tried again. */
  private isRetried(status: number): boolean {
    return this.retryStatusCodes
      ? this.retryStatusCodes.has(status)
      : status >= 500;
  }

  /** Waits for the next slot of `maxApiRequestsPerMinute`, when the integration sets one. */
  private async spaceRequests(signal?: AbortSignal) {
    if (this.minSpacingMs === 0) {
      return;
    }
    const now = Date.now();
    const slot = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = slot + this.minSpacingMs;
    if (slot > now) {
      await wait(slot - now, signal);
    }
  }

  /**
   * `GET <apiBaseUrl><path>?<query>`. Answers 2xx and 304; throws
   * {@link BudgetExhausted}, or a {@link CodeHostRequestFailure} for the
   * rest: `rate-limited` for a 429, or while the host is blocked after
   * `RateLimit-Remaining: 0` (then nothing was sent); `not-found` for a 404;
   * `unavailable` for a 5xx, a timeout or a broken connection after the one
   * retry; `refused` for any other answer (401, 403, 405, a redirect off the
   * host, …).
   */
  async get<T>(
    path: string,
    query: GitlabQuery,
    context: GitlabRequestContext,
  ): Promise<GitlabAnswer<T>> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) {
        search.set(key, String(value));
      }
    }
    const text = search.toString();
    let url = new URL(`${this.apiBaseUrl}${path}${text ? `?${text}` : ''}`);
    for (let hop = 0; ; hop++) {
      const response = await this.send(url, context);
      const location = response.headers.get('location');
      if (
        [301, 302, 303, 307, 308].includes(response.status) &&
        location &&
        hop < MAX_REDIRECTS
      ) {
        const next = new URL(location, url);
        // The token goes to this host only.
        if (next.origin !== url.origin) {
          throw new CodeHostRequestFailure(
            'refused',
            `GitLab redirected to another host (${next.host})`,
            response.status,
          );
        }
        url = next;
        continue;
      }
      return this.answer<T>(response);
    }
  }

  private async answer<T>(response: Response): Promise<GitlabAnswer<T>> {
    const headers = response.headers;
    const paging = {
      status: response.status,
      etag: headers.get('etag') ?? undefined,
      nextPage: pageNumber(headers.get('x-next-page')),
      total: count(headers.get('x-total')),
    };
    if (response.status === 304) {
      return paging;
    }
    if (response.status === 404) {
      throw new CodeHostRequestFailure(
        'not-found',
        await errorMessage(response),
        404,
      );
    }
    if (response.status < 200 || response.status >= 300) {
      throw new CodeHostRequestFailure(
        'refused',
        await errorMessage(response),
        response.status,
      );
    }
    try {
      return { ...paging, body: (await response.json()) as T };
    } catch {
      throw new CodeHostRequestFailure(
        'unavailable',
        'GitLab answered something that is not JSON',
        response.status,
      );
    }
  }

  /**
   * One request with its retries: `integrations.gitlab[].retry.maxRetries`
   * (else one) of a 5xx (or of the integration's `retryStatusCodes`), a
   * timeout or a broken connection.
   */
  private async send(
    url: URL,
    context: GitlabRequestContext,
  ): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.maxAttempts;
      let response: Response;
      try {
        response = await this.gate.run(() => this.attempt(url, context));
      } catch (error) {
        if (
          error instanceof CodeHostRequestFailure ||
          error instanceof BudgetExhausted
        ) {
          throw error;
        }
        if (context.signal?.aborted) {
          throw new CodeHostRequestFailure('aborted', 'the read was aborted');
        }
        const message =
          (error as Error)?.name === 'TimeoutError'
            ? `no answer within ${this.requestTimeoutMs / 1000} s`
            : String((error as Error)?.message ?? error);
        if (last) {
          throw new CodeHostRequestFailure('unavailable', message);
        }
        await wait(this.retryDelayMs, context.signal);
        continue;
      }
      const retried = this.isRetried(response.status);
      if (response.status >= 500 || retried) {
        if (last || !retried) {
          if (response.status < 500) {
            return response;
          }
          throw new CodeHostRequestFailure(
            'unavailable',
            await errorMessage(response),
            response.status,
          );
        }
        // Read to the end so the connection can be reused for the retry.
        await response.arrayBuffer().catch(() => undefined);
        await wait(this.retryDelayMs, context.signal);
        continue;
      }
      return response;
    }
  }

  private async attempt(
    url: URL,
    context: GitlabRequestContext,
  ): Promise<Response> {
    const blocked = this.gate.blockedUntil();
    if (blocked) {
      throw new CodeHostRequestFailure(
        'rate-limited',
        `${this.host} is rate limited`,
        429,
        blocked,
      );
    }
    if (context.signal?.aborted) {
      throw new CodeHostRequestFailure('aborted', 'the read was aborted');
    }
    if (!context.take()) {
      throw new BudgetExhausted();
    }
    await this.spaceRequests(context.signal);
    const timeout = AbortSignal.timeout(this.requestTimeoutMs);
    const response = await fetch(url, {
      headers: {
        ...this.headers,
        ...(context.etag ? { 'if-none-match': context.etag } : {}),
      },
      redirect: 'manual',
      signal: context.signal
        ? AbortSignal.any([context.signal, timeout])
        : timeout,
    });
    const until = this.rateLimitEnd(response);
    if (until) {
      this.gate.block(until);
      if (response.status === 429) {
        throw new CodeHostRequestFailure(
          'rate-limited',
          await errorMessage(response),
          429,
          until,
        );
      }
    }
    return response;
  }

  /**
   * When the rate limit in this answer ends: a 429's `Retry-After` (else its
   * `RateLimit-Reset`, else a minute), or `RateLimit-Reset` of any answer
   * that says `RateLimit-Remaining: 0`. Undefined when neither.
   */
  private rateLimitEnd(response: Response): Date | undefined {
    const now = Date.now();
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    const reset = Number(response.headers.get('ratelimit-reset') ?? NaN);
    const exhausted =
      response.headers.get('ratelimit-remaining')?.trim() === '0';
    const resetAt =
      Number.isFinite(reset) && reset * 1000 > now
        ? new Date(reset * 1000)
        : undefined;
    if (response.status === 429) {
      if (Number.isFinite(retryAfter) && retryAfter >= 0) {
        return new Date(now + retryAfter * 1000);
      }
      return resetAt ?? new Date(now + RATE_LIMIT_FALLBACK_MS);
    }
    return exhausted
      ? resetAt ?? new Date(now + RATE_LIMIT_FALLBACK_MS)
      : undefined;
  }
}
