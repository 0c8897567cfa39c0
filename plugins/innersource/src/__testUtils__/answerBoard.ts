import {
  BoardFacetValue,
  BoardItem,
  BoardPage,
  BoardQuery,
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

function sortItems(items: BoardItem[], sort: BoardQuery['sort']) {
  // Items without code-host facts go last, as nothing is known about them.
  if (sort === 'most-issues') {
    return [...items].sort(
      (a, b) => (b.codeHost?.openIssues ?? -1) - (a.codeHost?.openIssues ?? -1),
    );
  }
  if (sort === 'most-active') {
    const lastCommit = (item: BoardItem) =>
      Date.parse(item.codeHost?.lastCommitAt ?? '') || 0;
    return [...items].sort((a, b) => lastCommit(b) - lastCommit(a));
  }
  return items;
}

/**
 * A small stand-in for `GET /board`: filters by text, skill, type, owner and
 * open issues, sorts by issues and activity, pages with an offset cursor and
 * counts the facets of the matching items.
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
      (!query.owner || item.owner === query.owner) &&
      (!query.hasIssues || (item.codeHost?.openIssues ?? 0) > 0),
  );
  const sorted = sortItems(matching, query.sort);
  const offset = Number(query.cursor ?? 0);
  const limit = query.limit ?? 20;
  const end = offset + limit;
  return {
    items: sorted.slice(offset, end),
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
