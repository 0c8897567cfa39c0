import { Config } from '@backstage/config';
import {
  CodeHostModuleSettings,
  CodeHostSettingsReader,
} from '@innersource/backstage-plugin-innersource-node';

/** What `innersource.gitlab` tunes; see `config.d.ts`. */
export type GitlabModuleSettings = CodeHostModuleSettings & {
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

/** Reads `innersource.gitlab`, with the defaults for what is not set. */
export function readGitlabModuleSettings(config: Config): GitlabModuleSettings {
  const gitlab = new CodeHostSettingsReader(config, 'gitlab');
  const defaults = DEFAULT_GITLAB_MODULE_SETTINGS;
  return {
    ...gitlab.common(defaults),
    mergeRequestPageSize: gitlab.count(
      'mergeRequestPageSize',
      defaults.mergeRequestPageSize,
      100,
    ),
    maxMergeRequestsPerProject: gitlab.count(
      'maxMergeRequestsPerProject',
      defaults.maxMergeRequestsPerProject,
      1000,
    ),
    notesPageSize: gitlab.count('notesPageSize', defaults.notesPageSize, 100),
    maxIssuePagesPerLabel: gitlab.count(
      'maxIssuePagesPerLabel',
      defaults.maxIssuePagesPerLabel,
      50,
    ),
    fullReadEveryMs:
      gitlab.count(
        'fullReadEveryHours',
        defaults.fullReadEveryMs / 3_600_000,
        24 * 30,
      ) * 3_600_000,
  };
}
