import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  CodeHostBudget,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '@innersource/backstage-plugin-innersource-node';
import {
  codeHostReadRequest,
  countingBudget,
  nextCycleRequests,
  readAllResults,
} from '@innersource/backstage-plugin-innersource-node/testUtils';
import {
  GitlabFactsProvider,
  GitlabFactsProviderOptions,
} from '../GitlabFactsProvider';

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

/** A budget of `requests` that remembers what was taken. */
export function requestBudget(
  requests = 1000,
): CodeHostBudget & { spent: number } {
  return countingBudget(requests);
}

export function readRequest(
  slug: string,
  overrides: Partial<CodeHostReadRequest> & {
    host?: string;
    url?: string;
  } = {},
): CodeHostReadRequest {
  const { host = 'gitlab.com', url, ...rest } = overrides;
  return codeHostReadRequest({ provider: 'gitlab', host, slug, url }, rest);
}

export function gitlabProvider(
  options: {
    gitlab?: Array<{
      host: string;
      apiBaseUrl?: string;
      baseUrl?: string;
      token?: string;
    }>;
    settings?: GitlabFactsProviderOptions['settings'];
  } = {},
) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        gitlab: options.gitlab ?? [{ host: 'gitlab.com', token: 'glpat-test' }],
      },
    }),
  );
  return new GitlabFactsProvider({
    integrations,
    logger: mockServices.logger.mock(),
    settings: options.settings,
    retryDelayMs: 5,
  });
}

/** Reads and collects every result by key, in the order they came. */
export async function readAll(
  provider: GitlabFactsProvider,
  requests: CodeHostReadRequest[],
  options: {
    budget?: CodeHostBudget;
    signal?: AbortSignal;
    logger?: ReturnType<typeof mockServices.logger.mock>;
  } = {},
): Promise<Map<string, CodeHostReadResult>> {
  return readAllResults(provider, requests, {
    budget: options.budget ?? requestBudget(),
    signal: options.signal,
    logger: options.logger ?? mockServices.logger.mock(),
  });
}

/**
 * The requests of the next cycle after `results`, carrying what the backend
 * stores: the change token and the labels and window of the read.
 */
export function nextCycle(
  requests: CodeHostReadRequest[],
  results: Map<string, CodeHostReadResult>,
): CodeHostReadRequest[] {
  return nextCycleRequests(requests, results);
}
