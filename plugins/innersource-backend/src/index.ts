/**
 * The InnerSource backend plugin: the help-wanted board API, kept up to date from
 * the catalog.
 *
 * @packageDocumentation
 */

export { innersourcePlugin as default } from './plugin';
export type {
  BoardEntry,
  BoardFacets,
  BoardFacetValue,
  BoardItem,
  BoardPage,
  BoardQuery,
  BoardSort,
  StoredBoardEntry,
} from './board/types';
export type { BoardStore } from './board/BoardStore';
