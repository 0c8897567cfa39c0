export { innerSourceApiRef } from './InnerSourceApi';
export type { InnerSourceApi } from './InnerSourceApi';
export { InnerSourceClient } from './InnerSourceClient';
export {
  boardQueryToSearchParams,
  searchParamsToBoardQuery,
} from './boardSearchParams';
export { BOARD_SORTS } from './types';
export type {
  BoardExportFormat,
  BoardFacets,
  BoardFacetValue,
  BoardItem,
  BoardPage,
  BoardQuery,
  BoardSort,
} from './types';
