import {
  EntityScorecard,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';

/** The ids of the checks that fail, in the order of the checks. */
export function failingChecksOf(
  scorecard: Pick<EntityScorecard, 'results'>,
): string[] {
  return scorecard.results
    .filter(result => result.status === 'fail')
    .map(result => result.checkId);
}

/** The summary of a scorecard, as lists and badges show it. */
export function scorecardSummaryOf(
  scorecard: EntityScorecard,
): ScorecardSummary {
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
  };
}
