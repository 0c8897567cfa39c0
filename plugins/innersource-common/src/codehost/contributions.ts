import {
  CodeHostAuthorIdentity,
  CodeHostIssue,
  CodeHostPullRequest,
  ContributionSummary,
  RepositoryFacts,
} from './types';
import { ScorecardCodeHostFacts } from '../scorecards/types';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const MAX_UNKNOWN_LOGINS = 20;

/**
 * Whether an author is outside the owning teams. The owning teams are the
 * owner group and its descendants (child teams are part of the team that owns
 * the entity); members of a parent group are outside. Refs are compared in
 * lower case.
 *
 * @public
 */
export function isOutsideAuthor(
  authorGroups: readonly string[],
  owningTeams: ReadonlySet<string>,
): boolean {
  return !authorGroups.some(group => owningTeams.has(group.toLowerCase()));
}

function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * What the contributions of the window show for one entity: merged pull
 * requests by outside, inside and unknown authors, the teams they came from,
 * and the median time to first response on outside contributions. Bots and
 * authors the host no longer knows are left out of every count. Pure: the
 * caller maps logins to catalog users (`identify`) and gives the owning
 * teams (lower-case full refs of the owner and its descendant groups).
 *
 * @public
 */
export function summarizeContributions(options: {
  pullRequests: NonNullable<RepositoryFacts['pullRequests']>;
  owningTeams: ReadonlySet<string>;
  identify: (login: string) => CodeHostAuthorIdentity;
  now: Date;
  /** Only pull requests opened in the last this many days count; default the facts' window. */
  windowDays?: number;
}): ContributionSummary {
  const { pullRequests, owningTeams, identify, now } = options;
  const windowDays = Math.min(
    options.windowDays ?? pullRequests.windowDays,
    pullRequests.windowDays,
  );
  const since = now.getTime() - windowDays * DAY_MS;
  const teams = new Map<string, number>();
  const unknownLogins = new Set<string>();
  const waits: number[] = [];
  let merged = 0;
  let outside = 0;
  let inside = 0;
  let unknown = 0;

  for (const pr of pullRequests.items) {
    const opened = Date.parse(pr.createdAt);
    if (!pr.author || pr.author.isBot || !(opened >= since)) {
      continue;
    }
    const identity = identify(pr.author.login);
    const isMerged = typeof pr.mergedAt === 'string';
    if (identity.kind === 'unknown') {
      if (isMerged) {
        unknown += 1;
        if (unknownLogins.size < MAX_UNKNOWN_LOGINS) {
          unknownLogins.add(pr.author.login);
        }
      }
      continue;
    }
    const isOutside = isOutsideAuthor(identity.groups, owningTeams);
    if (isOutside) {
      waits.push(hoursToFirstResponse(pr, now));
    }
    if (!isMerged) {
      continue;
    }
    merged += 1;
    if (!isOutside) {
      inside += 1;
      continue;
    }
    outside += 1;
    // Credit the author's first group, so that a team is counted once per contribution.
    const team = [...identity.groups].sort()[0] ?? identity.userRef;
    teams.set(team, (teams.get(team) ?? 0) + 1);
  }
  merged += unknown;

  const medianHours = median(waits);
  return {
    windowDays,
    merged,
    outside,
    inside,
    unknown,
    unknownLogins: [...unknownLogins],
    crossTeamRatio: merged > 0 ? outside / merged : null,
    contributingTeams: [...teams.entries()]
      .map(([team, count]) => ({ team, merged: count }))
      .sort((a, b) => b.merged - a.merged || a.team.localeCompare(b.team)),
    medianFirstResponseHours:
      medianHours === null ? null : Math.round(medianHours * 10) / 10,
    responseSamples: waits.length,
    truncated: pullRequests.truncated,
  };
}

/** Hours to the first response; an unanswered pull request has waited until now. */
function hoursToFirstResponse(pr: CodeHostPullRequest, now: Date): number {
  const opened = Date.parse(pr.createdAt);
  const answered = pr.firstResponseAt
    ? Date.parse(pr.firstResponseAt)
    : Number.NaN;
  const end = Number.isNaN(answered) ? now.getTime() : answered;
  return Math.max(0, (end - opened) / HOUR_MS);
}

/**
 * The open issues of the facts that carry any of `labels` (compared ignoring
 * case). When the facts were read for exactly these labels, the count is the
 * host's own; otherwise (the repository is shared by entities with other
 * labels) it is counted from the issues that were read.
 *
 * @public
 */
export function issuesWithLabels(
  issues: NonNullable<RepositoryFacts['issues']>,
  labels: readonly string[],
): { openCount: number; newest: CodeHostIssue[] } {
  const wanted = new Set(labels.map(label => label.toLowerCase()));
  const read = new Set(issues.labels.map(label => label.toLowerCase()));
  const same = wanted.size === read.size && [...wanted].every(l => read.has(l));
  if (same) {
    return { openCount: issues.openCount, newest: issues.newest };
  }
  const newest = issues.newest.filter(issue =>
    issue.labels.some(label => wanted.has(label.toLowerCase())),
  );
  return { openCount: newest.length, newest };
}

/**
 * The facts the scorecard's code-host checks read, from what a provider read
 * and the contributions summary. Whatever was not read stays undefined, so
 * its checks say `not-reported`.
 *
 * @public
 */
export function scorecardCodeHostFacts(
  facts: RepositoryFacts,
  options: {
    issueLabels: readonly string[];
    contributions?: ContributionSummary;
    /** ISO 8601 time the facts were read. */
    readAt: string;
  },
): ScorecardCodeHostFacts {
  const { files, issues, lastCommitAt } = facts;
  const { contributions } = options;
  return {
    readAt: options.readAt,
    repositoryUrl: facts.repository.url,
    ...(files?.readme !== undefined ? { hasReadme: files.readme } : {}),
    ...(files?.codeowners !== undefined
      ? { hasCodeowners: files.codeowners }
      : {}),
    ...(files?.contributing !== undefined
      ? { hasContributingFile: files.contributing }
      : {}),
    ...(files?.license !== undefined ? { hasLicenseFile: files.license } : {}),
    ...(issues
      ? {
          openGoodFirstIssues: issuesWithLabels(issues, options.issueLabels)
            .openCount,
        }
      : {}),
    ...(typeof lastCommitAt === 'string' ? { lastCommitAt } : {}),
    ...(lastCommitAt === null ? { lastCommitAt: null } : {}),
    ...(contributions
      ? {
          medianFirstResponseHours: contributions.medianFirstResponseHours,
          outsideContributions: contributions.outside,
          unknownContributions: contributions.unknown,
          unknownAuthors: contributions.unknownLogins,
        }
      : {}),
  };
}
