/**
 * Test helpers for code-host fact providers, for the tests of provider
 * modules: a budget that counts, read requests shaped like the backend's,
 * one `read` collected by key, and the requests of the next cycle.
 *
 * @packageDocumentation
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { codeHostRepositoryKey } from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostBudget,
  CodeHostFactsProvider,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '../codeHost';

/**
 * A budget of `units` (requests, GraphQL points) that remembers what was taken.
 *
 * @public
 */
export function countingBudget(
  units = 1000,
): CodeHostBudget & { spent: number } {
  let left = units;
  const budget = {
    spent: 0,
    take(cost = 1) {
      if (cost > left) {
        return false;
      }
      left -= cost;
      budget.spent += cost;
      return true;
    },
    remaining: () => left,
  };
  return budget;
}

/**
 * A read request as the backend sends it: the repository on `host` (the
 * web URL `https://<host>/<slug>` unless given), issue label "good first
 * issue", a 90-day window.
 *
 * @public
 */
export function codeHostReadRequest(
  repository: { provider: string; host: string; slug: string; url?: string },
  overrides: Partial<CodeHostReadRequest> = {},
): CodeHostReadRequest {
  const { provider, host, slug } = repository;
  const full = {
    provider,
    host,
    slug,
    url: repository.url ?? `https://${host}/${slug}`,
  };
  return {
    key: codeHostRepositoryKey(full),
    repository: full,
    issueLabels: ['good first issue'],
    windowDays: 90,
    ...overrides,
  };
}

/**
 * Runs one `read` and collects every result by key, in the order they came.
 *
 * @public
 */
export async function readAllResults(
  provider: CodeHostFactsProvider,
  requests: CodeHostReadRequest[],
  options: {
    budget: CodeHostBudget;
    logger: LoggerService;
    signal?: AbortSignal;
  },
): Promise<Map<string, CodeHostReadResult>> {
  const results = new Map<string, CodeHostReadResult>();
  await provider.read(requests, {
    budget: options.budget,
    signal: options.signal,
    logger: options.logger,
    onResult: async (key, result) => {
      results.set(key, result);
    },
  });
  return results;
}

/**
 * The requests of the next cycle after `results`, carrying what the backend
 * stores: the change token and the labels and window of the read. Throws
 * for a request that was not read.
 *
 * @public
 */
export function nextCycleRequests(
  requests: CodeHostReadRequest[],
  results: Map<string, CodeHostReadResult>,
): CodeHostReadRequest[] {
  return requests.map(request => {
    const result = results.get(request.key);
    if (result?.outcome !== 'read') {
      throw new Error(`not read: ${JSON.stringify(result)}`);
    }
    return {
      ...request,
      previous: {
        readAt: new Date().toISOString(),
        changeToken: result.changeToken,
        issueLabels: request.issueLabels,
        windowDays: request.windowDays,
      },
    };
  });
}
