export {
  ScorecardCheckStatus,
  CHECK_STATUS_TEXT,
} from './ScorecardCheckStatus';
export { levelTitle, scoreText } from './scorecardText';
