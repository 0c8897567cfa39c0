export * from './types';
export { DEFAULT_SCORECARD_CHECKS } from './checks';
export {
  DEFAULT_SCORECARD_LEVELS,
  isApplicable,
  isPassing,
  levelOf,
} from './levels';
export type { ScorecardLevelStanding } from './levels';
export { scoreOf } from './score';
export {
  annotationOnlyScorecardOptions,
  configuredScorecardChecks,
  configuredScorecardLevels,
  DEFAULT_SCORECARD_OPTIONS,
  DEFAULT_SCORECARD_THRESHOLDS,
  resolveScorecardOptions,
  ScorecardConfigError,
} from './options';
export {
  createScorer,
  evaluateScorecardCheck,
  scoreEntity,
  unknownExemptionProblem,
} from './scoreEntity';
export * from './api';
