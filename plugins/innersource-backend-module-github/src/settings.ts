import { Config } from '@backstage/config';

/** What `innersource.github` tunes; see `config.d.ts`. */
export type GithubModuleSettings = {
  concurrencyPerHost: number;
  pushCheckBatchSize: number;
  activitySearchMaxPages: number;
  changeDetectionBatchSize: number;
  pullRequestPageSize: number;
  maxPullRequestsPerRepository: number;
  requestTimeoutMs: number;
};

export const DEFAULT_GITHUB_MODULE_SETTINGS: GithubModuleSettings = {
  concurrencyPerHost: 2,
  pushCheckBatchSize: 250,
  activitySearchMaxPages: 10,
  changeDetectionBatchSize: 50,
  pullRequestPageSize: 50,
  maxPullRequestsPerRepository: 200,
  requestTimeoutMs: 20_000,
};

function readCount(
  config: Config | undefined,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(
      `innersource.github.${key} must be a whole number from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads `innersource.github`, with the defaults for what is not set. */
export function readGithubModuleSettings(config: Config): GithubModuleSettings {
  const github = config.getOptionalConfig('innersource.github');
  const defaults = DEFAULT_GITHUB_MODULE_SETTINGS;
  return {
    concurrencyPerHost: readCount(
      github,
      'concurrencyPerHost',
      defaults.concurrencyPerHost,
      10,
    ),
    pushCheckBatchSize: readCount(
      github,
      'pushCheckBatchSize',
      defaults.pushCheckBatchSize,
      500,
    ),
    activitySearchMaxPages: readCount(
      github,
      'activitySearchMaxPages',
      defaults.activitySearchMaxPages,
      10,
    ),
    changeDetectionBatchSize: readCount(
      github,
      'changeDetectionBatchSize',
      defaults.changeDetectionBatchSize,
      100,
    ),
    pullRequestPageSize: readCount(
      github,
      'pullRequestPageSize',
      defaults.pullRequestPageSize,
      100,
    ),
    maxPullRequestsPerRepository: readCount(
      github,
      'maxPullRequestsPerRepository',
      defaults.maxPullRequestsPerRepository,
      5000,
    ),
    requestTimeoutMs:
      readCount(
        github,
        'requestTimeoutSeconds',
        defaults.requestTimeoutMs / 1000,
        300,
      ) * 1000,
  };
}
