import {
  BoardFacetValue,
  BoardItem,
  BoardPage,
  searchParamsToBoardQuery,
} from '../api';

function facet(values: string[]): BoardFacetValue[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Array.from(counts, ([value, count]) => ({ value, count })).sort(
    (a, b) => b.count - a.count || a.value.localeCompare(b.value),
  );
}

/**
 * A small stand-in for `GET /board`: filters by text, skill, type and owner,
 * pages with an offset cursor and counts the facets of the matching items.
 */
export function answerBoard(
  items: BoardItem[],
  params: URLSearchParams,
): BoardPage {
  const query = searchParamsToBoardQuery(params);
  const text = query.text?.toLocaleLowerCase('en-US');
  const matching = items.filter(
    item =>
      (!text ||
        [item.title, item.name, item.description, ...item.skills]
          .concat(item.asks.map(ask => ask.text))
          .some(value => value?.toLocaleLowerCase('en-US').includes(text))) &&
      (!query.skills || query.skills.some(s => item.skills.includes(s))) &&
      (!query.contributionTypes ||
        query.contributionTypes.some(t =>
          item.contributionTypes.includes(t),
        )) &&
      (!query.owner || item.owner === query.owner),
  );
  const offset = Number(query.cursor ?? 0);
  const limit = query.limit ?? 20;
  const end = offset + limit;
  return {
    items: matching.slice(offset, end),
    totalItems: matching.length,
    nextCursor: end < matching.length ? String(end) : undefined,
    facets: {
      skills: facet(matching.flatMap(item => item.skills)),
      contributionTypes: facet(
        matching.flatMap(item => item.contributionTypes),
      ),
      owners: facet(matching.flatMap(item => (item.owner ? [item.owner] : []))),
      systems: facet(
        matching.flatMap(item => (item.system ? [item.system] : [])),
      ),
      domains: facet(
        matching.flatMap(item => (item.domain ? [item.domain] : [])),
      ),
      tags: facet(matching.flatMap(item => item.tags)),
    },
  };
}
