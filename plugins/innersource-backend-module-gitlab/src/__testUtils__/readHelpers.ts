import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { codeHostRepositoryKey } from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostBudget,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '@innersource/backstage-plugin-innersource-node';
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
  let left = requests;
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

export function readRequest(
  slug: string,
  overrides: Partial<CodeHostReadRequest> & {
    host?: string;
    url?: string;
  } = {},
): CodeHostReadRequest {
  const { host = 'gitlab.com', url, ...rest } = overrides;
  const repository = {
    provider: 'gitlab',
    host,
    slug,
    url: url ?? `https://${host}/${slug}`,
  };
  return {
    key: codeHostRepositoryKey(repository),
    repository,
    issueLabels: ['good first issue'],
    windowDays: 90,
    ...rest,
  };
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
  const results = new Map<string, CodeHostReadResult>();
  await provider.read(requests, {
    budget: options.budget ?? requestBudget(),
    signal: options.signal,
    logger: options.logger ?? mockServices.logger.mock(),
    onResult: async (key, result) => {
      results.set(key, result);
    },
  });
  return results;
}

/**
 * The requests of the next cycle after `results`, carrying what the backend
 * stores: the change token and the labels and window of the read.
 */
export function nextCycle(
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
