import { Config } from '@backstage/config';
import {
  CodeHostModuleSettings,
  CodeHostSettingsReader,
} from '@innersource/backstage-plugin-innersource-node';

/** What `innersource.github` tunes; see `config.d.ts`. */
export type GithubModuleSettings = CodeHostModuleSettings & {
  pushCheckBatchSize: number;
  activitySearchMaxPages: number;
  changeDetectionBatchSize: number;
  pullRequestPageSize: number;
  maxPullRequestsPerRepository: number;
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

/** Reads `innersource.github`, with the defaults for what is not set. */
export function readGithubModuleSettings(config: Config): GithubModuleSettings {
  const github = new CodeHostSettingsReader(config, 'github');
  const defaults = DEFAULT_GITHUB_MODULE_SETTINGS;
  return {
    ...github.common(defaults),
    pushCheckBatchSize: github.count(
      'pushCheckBatchSize',
      defaults.pushCheckBatchSize,
      500,
    ),
    activitySearchMaxPages: github.count(
      'activitySearchMaxPages',
      defaults.activitySearchMaxPages,
      10,
    ),
    changeDetectionBatchSize: github.count(
      'changeDetectionBatchSize',
      defaults.changeDetectionBatchSize,
      100,
    ),
    pullRequestPageSize: github.count(
      'pullRequestPageSize',
      defaults.pullRequestPageSize,
      100,
    ),
    maxPullRequestsPerRepository: github.count(
      'maxPullRequestsPerRepository',
      defaults.maxPullRequestsPerRepository,
      5000,
    ),
  };
}
