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
  GithubFactsProvider,
  GithubFactsProviderOptions,
} from '../GithubFactsProvider';

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

/** A budget of `points` that remembers what was taken. */
export function pointBudget(points = 1000): CodeHostBudget & { spent: number } {
  let left = points;
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
  const { host = 'github.com', url, ...rest } = overrides;
  const repository = {
    provider: 'github',
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

export function githubProvider(
  options: {
    github?: Array<{ host: string; apiBaseUrl?: string; token?: string }>;
    settings?: GithubFactsProviderOptions['settings'];
    credentialsProvider?: GithubFactsProviderOptions['credentialsProvider'];
  } = {},
) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: options.github ?? [{ host: 'github.com', token: 'ghp_test' }],
      },
    }),
  );
  return new GithubFactsProvider({
    integrations,
    credentialsProvider: options.credentialsProvider,
    logger: mockServices.logger.mock(),
    settings: options.settings,
    retryDelayMs: 5,
  });
}

/** Reads and collects every result by key, in the order they came. */
export async function readAll(
  provider: GithubFactsProvider,
  requests: CodeHostReadRequest[],
  options: {
    budget?: CodeHostBudget;
    signal?: AbortSignal;
    logger?: ReturnType<typeof mockServices.logger.mock>;
  } = {},
): Promise<Map<string, CodeHostReadResult>> {
  const results = new Map<string, CodeHostReadResult>();
  await provider.read(requests, {
    budget: options.budget ?? pointBudget(),
    signal: options.signal,
    logger: options.logger ?? mockServices.logger.mock(),
    onResult: async (key, result) => {
      results.set(key, result);
    },
  });
  return results;
}
