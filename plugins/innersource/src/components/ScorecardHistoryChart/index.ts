export {
  ScorecardHistoryChart,
  describeHistory,
} from './ScorecardHistoryChart';
