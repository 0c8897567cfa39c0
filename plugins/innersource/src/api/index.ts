export { innerSourceApiRef } from './InnerSourceApi';
export type { InnerSourceApi } from './InnerSourceApi';
export { InnerSourceClient } from './InnerSourceClient';
export {
  boardQueryToSearchParams,
  searchParamsToBoardQuery,
} from './boardSearchParams';
export { BOARD_SORTS, HELP_OFFER_MESSAGE_MAX_LENGTH } from './types';
export type {
  BoardExportFormat,
  BoardFacets,
  BoardFacetValue,
  BoardItem,
  BoardPage,
  BoardQuery,
  BoardSort,
  HelpOffer,
  HelpOfferResult,
} from './types';
export { SCORECARD_OVERVIEW_SORTS } from '@innersource/backstage-plugin-innersource-common';
export {
  scorecardQueryToSearchParams,
  searchParamsToScorecardQuery,
} from './scorecardSearchParams';
export type { ScorecardOverviewQuery } from './scorecardSearchParams';
