import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, ThrottlingOptions } from '@octokit/plugin-throttling';
import { GithubIntegration } from '@backstage/integration';
import {
  CodeHostRequestFailure,
  HostRequestGate,
} from '@innersource/backstage-plugin-innersource-node';

const PoliteOctokit = Octokit.plugin(retry, throttling);
type PoliteOctokitInstance = InstanceType<typeof PoliteOctokit>;

/** GitHub asks to wait at least a minute after a secondary rate limit that names no time. */
const SECONDARY_LIMIT_FALLBACK_MS = 60_000;

type ErrorLike = {
  name?: string;
  message?: string;
  status?: number;
  response?: {
    headers?: Record<string, string | undefined>;
    data?: unknown;
  };
};

type GraphqlErrorAnswer = { type?: string; path?: unknown[]; message: string };

function graphqlErrors(data: unknown): GraphqlErrorAnswer[] {
  const errors = (data as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as GraphqlErrorAnswer[]) : [];
}

/** When a rate limit in these headers ends, or undefined when they show none. */
function rateLimitEnd(
  status: number | undefined,
  headers: Record<string, string | undefined>,
  message: string,
  rateLimitedInBody: boolean,
  now: number,
): Date | undefined {
  const retryAfter = Number(headers['retry-after']);
  const reset = Number(headers['x-ratelimit-reset']);
  const exhausted = headers['x-ratelimit-remaining'] === '0';
  const secondary = /secondary rate limit/i.test(message);
  const limited =
    rateLimitedInBody ||
    ((status === 403 || status === 429) &&
      (exhausted || secondary || Number.isFinite(retryAfter)));
  if (!limited) {
    return undefined;
  }
  if (Number.isFinite(retryAfter) && retryAfter >= 0) {
    return new Date(now + retryAfter * 1000);
  }
  if (exhausted && Number.isFinite(reset) && reset > 0) {
    return new Date(reset * 1000);
  }
  return new Date(now + SECONDARY_LIMIT_FALLBACK_MS);
}

/**
 * Turns whatever Octokit threw into a {@link CodeHostRequestFailure}: a
 * primary or secondary rate limit (also RATE_LIMITED in a GraphQL answer)
 * is `rate-limited`, a 404 `not-found`, a 5xx, timeout or broken connection
 * `unavailable`, any other answer (401, 403 without a rate limit, 422, …)
 * `refused`.
 */
export function classifyGithubError(
  error: unknown,
  now = Date.now(),
): CodeHostRequestFailure {
  if (error instanceof CodeHostRequestFailure) {
    return error;
  }
  const e = (error ?? {}) as ErrorLike;
  const message = String(e.message ?? error);
  if (e.name === 'AbortError') {
    return new CodeHostRequestFailure('aborted', 'the read was aborted');
  }
  const headers = e.response?.headers ?? {};
  const limitedInBody = graphqlErrors(e.response?.data).some(
    answer => answer.type === 'RATE_LIMITED',
  );
  const until = rateLimitEnd(e.status, headers, message, limitedInBody, now);
  if (until) {
    return new CodeHostRequestFailure(
      'rate-limited',
      message,
      e.status ?? 200,
      until,
    );
  }
  if (e.status === 404) {
    return new CodeHostRequestFailure('not-found', message, 404);
  }
  if (typeof e.status !== 'number' || e.status >= 500) {
    // Octokit reports a timeout or a broken connection as a 500 without an answer.
    return new CodeHostRequestFailure(
      'unavailable',
      message,
      e.response ? e.status : undefined,
    );
  }
  return new CodeHostRequestFailure('refused', message, e.status);
}

export type GraphqlAnswer<T> = {
  data: T | null;
  errors: GraphqlErrorAnswer[];
};

export type GithubHostClientOptions = {
  integration: GithubIntegration;
  /** The host's gate: every request goes through it, at most its concurrency at once. */
  gate: HostRequestGate;
  requestTimeoutMs: number;
  /** Milliseconds before the one retry of a 5xx or timeout; the retry plugin waits this once. */
  retryDelayMs?: number;
};

/**
 * Requests to one GitHub host: Octokit with the retry plugin (one retry of
 * 5xx and timeouts) and the throttling plugin (which recognises primary and
 * secondary rate limits; this client never retries them), a timeout per
 * attempt, and a cap on requests in flight. Credentials are passed per
 * request, because a GitHub App has one installation token per owner.
 */
export class GithubHostClient {
  readonly host: string;
  readonly graphqlUrl: string;
  private readonly octokit: PoliteOctokitInstance;
  private readonly gate: HostRequestGate;

  constructor(options: GithubHostClientOptions) {
    const { integration, requestTimeoutMs } = options;
    const apiBaseUrl = (
      integration.config.apiBaseUrl ?? 'https://api.github.com'
    ).replace(/\/+$/, '');
    this.host = integration.config.host.toLowerCase();
    // GitHub Enterprise Server serves REST under /api/v3 and GraphQL under /api/graphql.
    this.graphqlUrl = /\/api\/v3$/.test(apiBaseUrl)
      ? apiBaseUrl.replace(/\/api\/v3$/, '/api/graphql')
      : `${apiBaseUrl}/graphql`;
    this.gate = options.gate;

    const fetchWithTimeout: typeof fetch = async (input, init) => {
      const timeout = AbortSignal.timeout(requestTimeoutMs);
      const signal = init?.signal
        ? AbortSignal.any([init.signal, timeout])
        : timeout;
      try {
        return await fetch(input, { ...init, signal });
      } catch (error) {
        if (timeout.aborted && !init?.signal?.aborted) {
          // Octokit reports this as a 500 without an answer, which the retry plugin retries once.
          throw new Error(`no answer within ${requestTimeoutMs / 1000} s`);
        }
        throw error;
      }
    };

    // The throttling plugin sends every GraphQL request through its queue for
    // mutations (one at a time, a second apart); these are read-only queries,
    // and this client caps the requests in flight itself.
    const unqueued = {
      key: () => ({
        schedule: (_options: unknown, task: () => Promise<unknown>) => task(),
      }),
    } as unknown as ThrottlingOptions['write'];

    this.octokit = new PoliteOctokit({
      baseUrl: apiBaseUrl,
      userAgent: 'innersource-backstage-github-module',
      request: { fetch: fetchWithTimeout },
      retry: {
        retries: 1,
        retryAfterBaseValue: options.retryDelayMs ?? 1000,
        // Rate limits are never retried: the host is left alone until the reset.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        id: `innersource-github:${this.host}`,
        write: unqueued,
        onRateLimit: () => false,
        onSecondaryRateLimit: () => false,
      },
    });
  }

  /**
   * Sends one GraphQL query. Errors in the answer (NOT_FOUND for one alias)
   * come back with the partial data; a rate limit, 5xx or timeout throws a
   * {@link CodeHostRequestFailure}.
   */
  async graphql<T>(
    query: string,
    variables: Record<string, unknown>,
    context: { headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<GraphqlAnswer<T>> {
    try {
      const response = await this.gate.run(() =>
        this.octokit.request({
          method: 'POST',
          url: this.graphqlUrl,
          query,
          variables,
          headers: context.headers,
          request: { signal: context.signal },
        }),
      );
      const body = response.data as { data?: T | null };
      const errors = graphqlErrors(response.data);
      if (errors.some(answer => answer.type === 'RATE_LIMITED')) {
        throw classifyGithubError({
          status: response.status,
          message: errors[0].message,
          response: { headers: response.headers, data: response.data },
        });
      }
      return { data: body.data ?? null, errors };
    } catch (error) {
      throw classifyGithubError(error);
    }
  }

  /**
   * `GET /repos/{owner}/{repo}`, which follows GitHub's redirect for a
   * renamed or moved repository. With the ETag of the last answer, a 304
   * costs no rate budget and answers `undefined`.
   */
  async getRepository(
    slug: string,
    context: {
      headers?: Record<string, string>;
      etag?: string;
      signal?: AbortSignal;
    },
  ): Promise<{ fullName: string; etag?: string } | undefined> {
    const [owner, repo] = slug.split('/');
    try {
      const response = await this.gate.run(() =>
        this.octokit.request('GET /repos/{owner}/{repo}', {
          owner,
          repo,
          headers: {
            ...context.headers,
            ...(context.etag ? { 'if-none-match': context.etag } : {}),
          },
          request: { signal: context.signal },
        }),
      );
      const data = response.data as { full_name?: unknown };
      if (typeof data.full_name !== 'string') {
        throw new CodeHostRequestFailure(
          'refused',
          `GitHub answered ${response.status} without full_name`,
          response.status,
        );
      }
      return { fullName: data.full_name, etag: response.headers.etag };
    } catch (error) {
      if ((error as ErrorLike).status === 304) {
        return undefined;
      }
      throw classifyGithubError(error);
    }
  }
}
