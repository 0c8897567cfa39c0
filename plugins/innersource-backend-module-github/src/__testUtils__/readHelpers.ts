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
  readAllResults,
} from '@innersource/backstage-plugin-innersource-node/testUtils';
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
  return countingBudget(points);
}

export function readRequest(
  slug: string,
  overrides: Partial<CodeHostReadRequest> & {
    host?: string;
    url?: string;
  } = {},
): CodeHostReadRequest {
  const { host = 'github.com', url, ...rest } = overrides;
  return codeHostReadRequest({ provider: 'github', host, slug, url }, rest);
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
  return readAllResults(provider, requests, {
    budget: options.budget ?? pointBudget(),
    signal: options.signal,
    logger: options.logger ?? mockServices.logger.mock(),
  });
}
