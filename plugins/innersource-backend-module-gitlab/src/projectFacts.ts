import {
  CodeHostAuthor,
  CodeHostIssue,
  CodeHostPullRequest,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
import {
  earliestResponseAt,
  httpUrlOr,
} from '@innersource/backstage-plugin-innersource-node';
import {
  GitlabIssueAnswer,
  GitlabMergeRequestAnswer,
  GitlabNoteAnswer,
  GitlabTreeEntry,
  GitlabUserAnswer,
} from './gitlabAnswers';

const MAX_TITLE_LENGTH = 300;
/** Open issues kept per project, newest first. */
export const NEWEST_ISSUES = 5;

const README = /^readme(\.[^/]*)?$/i;
const CONTRIBUTING = /^contributing(\.[^/]*)?$/i;
const LICENSE = /^(licen[cs]e|copying)([.-][^/]*)?$/i;
const CODEOWNERS = /^CODEOWNERS$/;

/** The system note GitLab writes for an approval: it is a response, the one system note that counts. */
const APPROVAL_NOTE = /^approved this merge request$/i;

/**
 * Bots never count as contributors or responders: users GitLab marks as
 * bots, the bot users of project and group access tokens
 * (`project_<id>_bot_<hash>`, `group_<id>_bot_<hash>`), the `ghost` user
 * that stands in for deleted accounts, and the `-bot` / `[bot]` names
 * integrations sign with.
 */
export function isGitlabBot(user: NonNullable<GitlabUserAnswer>): boolean {
  const name = user.username;
  return (
    user.bot === true ||
    /^(project|group)_\d+_bot/i.test(name) ||
    /^ghost$/i.test(name) ||
    /-bot$/i.test(name) ||
    /\[bot\]$/i.test(name)
  );
}

function author(user: GitlabUserAnswer): CodeHostAuthor | null {
  return user?.username
    ? { login: user.username, isBot: isGitlabBot(user) }
    : null;
}

/**
 * The first note on a merge request by someone other than its author who
 * is not a bot. System notes ("added 1 commit", "changed the description")
 * are GitLab's own and never count, except the approval note, which is a
 * reviewer's answer. Notes come oldest first; the earliest wins anyway.
 */
export function firstResponseAt(
  mergeRequestAuthor: GitlabUserAnswer,
  notes: GitlabNoteAnswer[],
): string | undefined {
  return earliestResponseAt(
    mergeRequestAuthor?.username,
    notes
      .filter(
        note => !note.system || APPROVAL_NOTE.test((note.body ?? '').trim()),
      )
      .map(note => ({
        at: note.created_at,
        login: note.author?.username,
        isBot: Boolean(note.author && isGitlabBot(note.author)),
      })),
  );
}

export function mergeRequestFromAnswer(
  mergeRequest: GitlabMergeRequestAnswer,
  projectUrl: string,
  response: string | undefined,
): CodeHostPullRequest {
  return {
    id: `!${mergeRequest.iid}`,
    url: httpUrlOr(
      mergeRequest.web_url,
      `${projectUrl}/-/merge_requests/${mergeRequest.iid}`,
    ),
    author: author(mergeRequest.author),
    createdAt: mergeRequest.created_at,
    ...(mergeRequest.merged_at ? { mergedAt: mergeRequest.merged_at } : {}),
    ...(response ? { firstResponseAt: response } : {}),
  };
}

/** Whether a merge request's author can never be a contributor, so its notes need not be read. */
export function isBotMergeRequest(mergeRequest: GitlabMergeRequestAnswer) {
  return Boolean(mergeRequest.author && isGitlabBot(mergeRequest.author));
}

function hasBlob(entries: GitlabTreeEntry[], pattern: RegExp): boolean {
  return entries.some(
    entry => entry.type === 'blob' && pattern.test(entry.name),
  );
}

/**
 * The files GitLab itself looks at: README in the root; CONTRIBUTING in the
 * root or `docs/`; CODEOWNERS in the root, `docs/` or `.gitlab/` (where
 * GitLab reads it); LICENSE or COPYING in the root, or a license GitLab
 * recognised.
 */
export function filesFromTrees(
  trees: {
    root: GitlabTreeEntry[];
    docs: GitlabTreeEntry[];
    gitlab: GitlabTreeEntry[];
  },
  licenseRecognised: boolean,
): NonNullable<RepositoryFacts['files']> {
  const { root, docs, gitlab } = trees;
  return {
    readme: hasBlob(root, README),
    contributing: hasBlob(root, CONTRIBUTING) || hasBlob(docs, CONTRIBUTING),
    codeowners:
      hasBlob(root, CODEOWNERS) ||
      hasBlob(docs, CODEOWNERS) ||
      hasBlob(gitlab, CODEOWNERS),
    license: hasBlob(root, LICENSE) || licenseRecognised,
  };
}

/**
 * GitLab names a recognised license by Licensee's key, which is the SPDX id
 * in lower case; these are the SPDX spellings of the keys Licensee knows.
 * `other` (a license file it could not recognise) and any key not here give
 * no SPDX id rather than a guess.
 */
const SPDX_IDS: Record<string, string> = {
  '0bsd': '0BSD',
  'afl-3.0': 'AFL-3.0',
  'agpl-3.0': 'AGPL-3.0',
  'apache-2.0': 'Apache-2.0',
  'artistic-2.0': 'Artistic-2.0',
  'blueoak-1.0.0': 'BlueOak-1.0.0',
  'bsd-2-clause': 'BSD-2-Clause',
  'bsd-2-clause-patent': 'BSD-2-Clause-Patent',
  'bsd-3-clause': 'BSD-3-Clause',
  'bsd-3-clause-clear': 'BSD-3-Clause-Clear',
  'bsd-4-clause': 'BSD-4-Clause',
  'bsl-1.0': 'BSL-1.0',
  'cc-by-4.0': 'CC-BY-4.0',
  'cc-by-sa-4.0': 'CC-BY-SA-4.0',
  'cc0-1.0': 'CC0-1.0',
  'cecill-2.1': 'CECILL-2.1',
  'ecl-2.0': 'ECL-2.0',
  'epl-1.0': 'EPL-1.0',
  'epl-2.0': 'EPL-2.0',
  'eupl-1.1': 'EUPL-1.1',
  'eupl-1.2': 'EUPL-1.2',
  'gpl-2.0': 'GPL-2.0',
  'gpl-3.0': 'GPL-3.0',
  isc: 'ISC',
  'lgpl-2.1': 'LGPL-2.1',
  'lgpl-3.0': 'LGPL-3.0',
  'lppl-1.3c': 'LPPL-1.3c',
  mit: 'MIT',
  'mit-0': 'MIT-0',
  'mpl-2.0': 'MPL-2.0',
  'ms-pl': 'MS-PL',
  'ms-rl': 'MS-RL',
  'mulanpsl-2.0': 'MulanPSL-2.0',
  ncsa: 'NCSA',
  'odbl-1.0': 'ODbL-1.0',
  'ofl-1.1': 'OFL-1.1',
  'osl-3.0': 'OSL-3.0',
  postgresql: 'PostgreSQL',
  unlicense: 'Unlicense',
  upl: 'UPL-1.0',
  vim: 'Vim',
  wtfpl: 'WTFPL',
  zlib: 'Zlib',
};

export function spdxIdOfLicenseKey(
  key: string | undefined,
): string | undefined {
  return key ? SPDX_IDS[key.toLowerCase()] : undefined;
}

/** What was seen of one label's open issues. */
export type LabelledIssues = {
  label: string;
  issues: GitlabIssueAnswer[];
  /** `X-Total` of the first page, when GitLab gave it. */
  total?: number;
  /** Whether every page was read. */
  complete: boolean;
};

/**
 * Open issues with any of the labels, from one listing per label (GitLab's
 * `labels=a,b` means all of them): each issue counted once, by `iid`. When
 * every page of every label was read the count is exact (with one label,
 * its `X-Total` is exact on the first page); otherwise it is
 * the truthful lower bound, the larger of the issues seen and the largest
 * one label's `X-Total` (their sum would count an issue with two of the
 * labels twice, so it is only an upper bound).
 */
export function issuesFromLabels(
  labels: string[],
  perLabel: LabelledIssues[],
  projectUrl: string,
): NonNullable<RepositoryFacts['issues']> {
  const byIid = new Map<number, GitlabIssueAnswer>();
  for (const { issues } of perLabel) {
    for (const issue of issues) {
      byIid.set(issue.iid, issue);
    }
  }
  const complete = perLabel.every(label => label.complete);
  const [only] = perLabel;
  let openCount: number;
  if (perLabel.length === 1 && only.total !== undefined) {
    // One label: its X-Total is the count, whether or not every page was read.
    openCount = only.total;
  } else if (complete) {
    openCount = byIid.size;
  } else {
    openCount = Math.max(
      byIid.size,
      ...perLabel.map(label => label.total ?? 0),
    );
  }
  const newest = [...byIid.values()]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .slice(0, NEWEST_ISSUES)
    .map(
      (issue): CodeHostIssue => ({
        title: String(issue.title ?? '').slice(0, MAX_TITLE_LENGTH),
        url: httpUrlOr(issue.web_url, `${projectUrl}/-/issues/${issue.iid}`),
        labels: (issue.labels ?? []).filter(
          (label): label is string => typeof label === 'string',
        ),
        createdAt: issue.created_at,
      }),
    );
  return { labels, openCount, newest };
}
