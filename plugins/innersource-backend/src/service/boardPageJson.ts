import { BoardFacets, BoardPage } from '../board/types';

/** Facets are shared by every page of a kept query answer: serialised once. */
const facetsJsonCache = new WeakMap<BoardFacets, string>();

function facetsJson(facets: BoardFacets): string {
  let json = facetsJsonCache.get(facets);
  if (json === undefined) {
    json = JSON.stringify(facets);
    facetsJsonCache.set(facets, json);
  }
  return json;
}

/**
 * `JSON.stringify(page)`, reusing the serialised facets: they are up to six
 * lists of a hundred values, the larger part of a page, and the same object
 * for every caller and page of a kept query answer.
 */
export function boardPageJson(page: BoardPage): string {
  const { items, totalItems, nextCursor, facets } = page;
  return `{"items":${JSON.stringify(items)},"totalItems":${JSON.stringify(
    totalItems,
  )}${
    nextCursor === undefined
      ? ''
      : `,"nextCursor":${JSON.stringify(nextCursor)}`
  },"facets":${facetsJson(facets)}}`;
}
