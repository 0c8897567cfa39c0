export { ScorecardSummaryBlock } from './ScorecardSummaryBlock';
export { mostImportantFailingChecks } from './mostImportantFailingChecks';
export type { FailingCheck } from './mostImportantFailingChecks';
