import {
  EntityCodeHostSummary,
  Scorecard,
  ScorecardCheck,
  ScorecardLevel,
} from '@innersource/backstage-plugin-innersource-common';

/** The level's title, its id when the level is not configured, or "No level". */
export function levelTitle(
  levels: ScorecardLevel[],
  levelId: string | undefined,
): string {
  if (!levelId) {
    return 'No level';
  }
  return levels.find(level => level.id === levelId)?.title ?? levelId;
}

/** "42 / 100", or "Not scored" when no check applied. */
export function scoreText(score: number | null | undefined): string {
  return typeof score === 'number' ? `${score} / 100` : 'Not scored';
}

/**
 * What keeps an entity from its next level, as check titles: the checks that
 * were judged and fail, and the ones whose facts were not reported. Old
 * scorecards have no `missingFacts`; their results say which were not reported.
 */
export function nextLevelBlockers(
  scorecard: Pick<Scorecard, 'results' | 'nextLevel'>,
  checks: ScorecardCheck[],
): { failing: string[]; missing: string[] } {
  const nextLevel = scorecard.nextLevel;
  if (!nextLevel) {
    return { failing: [], missing: [] };
  }
  const notReported = new Set(
    nextLevel.missingFacts ??
      scorecard.results
        .filter(result => result.status === 'not-reported')
        .map(result => result.checkId),
  );
  const title = (id: string) =>
    checks.find(check => check.id === id)?.title ?? id;
  return {
    failing: nextLevel.blockingChecks
      .filter(id => !notReported.has(id))
      .map(title),
    missing: nextLevel.blockingChecks
      .filter(id => notReported.has(id))
      .map(title),
  };
}

/**
 * How the missing facts can be provided, from what is known of the code host:
 * what follows "needs facts that were not reported". `reason` is the backend's
 * own explanation (with its fix) when it has one; it is untrusted text.
 */
export function missingFactsHint(codeHost?: EntityCodeHostSummary): {
  reason?: string;
  advice: string;
} {
  const optional = 'or mark the checks optional';
  switch (codeHost?.status) {
    case undefined:
      return { advice: `install a code-host module ${optional}` };
    case 'pending':
      return {
        advice: `they come once the code host has been read, ${optional}`,
      };
    case 'expired':
      return {
        advice: `the code-host facts are older than the maximum age and count again after the next good read, ${optional}`,
      };
    case 'unavailable':
      return codeHost.reason
        ? { reason: codeHost.reason, advice: optional }
        : {
            advice: `no code-host module can read the repository; install one ${optional}`,
          };
    default:
      return { advice: `each check's evidence says why, ${optional}` };
  }
}
