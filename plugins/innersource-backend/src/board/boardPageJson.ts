import { BoardFacets, BoardItem, BoardPage } from './types';

/**
 * Facets are shared by every page of a kept query answer, and items by every
 * answer of the day: each is serialised once, while it is in use.
 */
const jsonCache = new WeakMap<BoardFacets | BoardItem, string>();

function cachedJson(value: BoardFacets | BoardItem): string {
  let json = jsonCache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonCache.set(value, json);
  }
  return json;
}

/**
 * `JSON.stringify(page)`, reusing the serialised facets (up to six lists of a
 * hundred values, the larger part of a page) and items.
 */
export function boardPageJson(page: BoardPage): string {
  const { items, totalItems, nextCursor, facets, itemsWithIssues } = page;
  return `{"items":[${items
    .map(cachedJson)
    .join(',')}],"totalItems":${JSON.stringify(totalItems)}${
    nextCursor === undefined
      ? ''
      : `,"nextCursor":${JSON.stringify(nextCursor)}`
  },"facets":${cachedJson(facets)}${
    itemsWithIssues === undefined
      ? ''
      : `,"itemsWithIssues":${JSON.stringify(itemsWithIssues)}`
  }}`;
}
