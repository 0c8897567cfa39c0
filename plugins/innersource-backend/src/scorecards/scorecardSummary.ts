import {
  BoardCodeHostFacts,
  CodeHostIssue,
  EntityCodeHostSummary,
  EntityScorecard,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';
import { contributionCountsOf } from '../codehost/contributionCounts';

/** A board item shows at most this many of an entity's newest issues. */
export const MAX_BOARD_ISSUES = 5;

/** The ids of the checks that fail, in the order of the checks. */
export function failingChecksOf(
  scorecard: Pick<EntityScorecard, 'results'>,
): string[] {
  return scorecard.results
    .filter(result => result.status === 'fail')
    .map(result => result.checkId);
}

/**
 * An absolute http(s) URL with a host and no whitespace or control
 * characters: checked by pattern rather than by parsing, because the index
 * checks every issue link of every entity on each load.
 */
const HTTP_URL = /^https?:\/\/[^\s\p{Cc}/?#]+(?:[/?#][^\s\p{Cc}]*)?$/iu;

/** The URL when it is an absolute http(s) URL; code-host text is untrusted. */
export function httpUrlOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && HTTP_URL.test(value) ? value : undefined;
}

/**
 * What the board shows of an entity's code-host facts: only fresh facts that
 * include the open issues (a board never shows a count that was not read),
 * with the newest few issues whose links are http(s).
 */
export function boardCodeHostFactsOf(
  codeHost: EntityCodeHostSummary | undefined,
): BoardCodeHostFacts | undefined {
  if (
    codeHost?.status !== 'fresh' ||
    typeof codeHost.openIssues !== 'number' ||
    !codeHost.readAt
  ) {
    return undefined;
  }
  const repositoryUrl = httpUrlOrUndefined(codeHost.repository?.url);
  if (!repositoryUrl) {
    return undefined;
  }
  const newestIssues: CodeHostIssue[] = (codeHost.newestIssues ?? [])
    .filter(issue => httpUrlOrUndefined(issue.url))
    .slice(0, MAX_BOARD_ISSUES);
  return {
    repositoryUrl,
    openIssues: codeHost.openIssues,
    newestIssues,
    ...(codeHost.lastCommitAt !== undefined
      ? { lastCommitAt: codeHost.lastCommitAt }
      : {}),
    readAt: codeHost.readAt,
  };
}

/** The summary of a scorecard, as lists and badges show it. */
export function scorecardSummaryOf(
  scorecard: EntityScorecard,
): ScorecardSummary {
  const contributions = contributionCountsOf(scorecard.codeHost);
  return {
    entityRef: scorecard.entityRef,
    kind: scorecard.kind,
    namespace: scorecard.namespace,
    name: scorecard.name,
    ...(scorecard.title !== undefined ? { title: scorecard.title } : {}),
    ...(scorecard.owner !== undefined ? { owner: scorecard.owner } : {}),
    ...(scorecard.level !== undefined ? { level: scorecard.level } : {}),
    score: scorecard.score,
    ...(scorecard.nextLevel ? { nextLevel: scorecard.nextLevel } : {}),
    failingChecks: failingChecksOf(scorecard),
    computedAt: scorecard.computedAt,
    ...(contributions ? { contributions } : {}),
  };
}
