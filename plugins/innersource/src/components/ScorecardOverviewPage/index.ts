export { ScorecardOverview, rankTeams } from './ScorecardOverview';
