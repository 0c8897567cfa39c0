export {
  ScorecardCheckStatus,
  CHECK_STATUS_TEXT,
} from './ScorecardCheckStatus';
export { NextLevelExplanation } from './NextLevelExplanation';
export {
  levelTitle,
  missingFactsHint,
  nextLevelBlockers,
  scoreText,
} from './scorecardText';
