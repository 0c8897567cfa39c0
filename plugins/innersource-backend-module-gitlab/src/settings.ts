import { Config } from '@backstage/config';

/** What `innersource.gitlab` tunes; see `config.d.ts`. */
export type GitlabModuleSettings = {
  concurrencyPerHost: number;
  /** Merge requests per page of the window's listing. */
  mergeRequestPageSize: number;
  /** Merge requests read per project and window, each with its first page of notes. */
  maxMergeRequestsPerProject: number;
  /** Notes per merge request read for its first response. */
  notesPageSize: number;
  /** Pages of labelled issues read per label when several labels are asked for. */
  maxIssuePagesPerLabel: number;
  /** A project unchanged for this long is read in full anyway (relabelled issues move nothing GitLab lists). */
  fullReadEveryMs: number;
  requestTimeoutMs: number;
};

export const DEFAULT_GITLAB_MODULE_SETTINGS: GitlabModuleSettings = {
  concurrencyPerHost: 2,
  mergeRequestPageSize: 100,
  maxMergeRequestsPerProject: 100,
  notesPageSize: 50,
  maxIssuePagesPerLabel: 5,
  fullReadEveryMs: 24 * 60 * 60 * 1000,
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
      `innersource.gitlab.${key} must be a whole number from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads `innersource.gitlab`, with the defaults for what is not set. */
export function readGitlabModuleSettings(config: Config): GitlabModuleSettings {
  const gitlab = config.getOptionalConfig('innersource.gitlab');
  const defaults = DEFAULT_GITLAB_MODULE_SETTINGS;
  return {
    concurrencyPerHost: readCount(
      gitlab,
      'concurrencyPerHost',
      defaults.concurrencyPerHost,
      10,
    ),
    mergeRequestPageSize: readCount(
      gitlab,
      'mergeRequestPageSize',
      defaults.mergeRequestPageSize,
      100,
    ),
    maxMergeRequestsPerProject: readCount(
      gitlab,
      'maxMergeRequestsPerProject',
      defaults.maxMergeRequestsPerProject,
      1000,
    ),
    notesPageSize: readCount(
      gitlab,
      'notesPageSize',
      defaults.notesPageSize,
      100,
    ),
    maxIssuePagesPerLabel: readCount(
      gitlab,
      'maxIssuePagesPerLabel',
      defaults.maxIssuePagesPerLabel,
      50,
    ),
    fullReadEveryMs:
      readCount(
        gitlab,
        'fullReadEveryHours',
        defaults.fullReadEveryMs / 3_600_000,
        24 * 30,
      ) * 3_600_000,
    requestTimeoutMs:
      readCount(
        gitlab,
        'requestTimeoutSeconds',
        defaults.requestTimeoutMs / 1000,
        300,
      ) * 1000,
  };
}
