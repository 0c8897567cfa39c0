import { storedEntry } from '../__testUtils__/fixtures';
import { boardPageJson } from './boardPageJson';
import { BoardPage } from './types';

const facets = {
  skills: [{ value: 'kotlin "quoted" </script>', count: 2 }],
  contributionTypes: [{ value: 'code', count: 1 }],
  owners: [],
  systems: [],
  domains: [],
  tags: [{ value: 'java\u2028', count: 1 }],
};

function pageOf(overrides: Partial<BoardPage> = {}): BoardPage {
  const { asksUpdatedAt, updatedAt, ...entry } = storedEntry('gateway', {
    title: 'Payments "Gateway"',
  });
  return {
    items: [
      {
        ...entry,
        asksExpired: false,
        asksUpdatedAt: asksUpdatedAt.toISOString(),
        updatedAt: updatedAt.toISOString(),
      },
    ],
    totalItems: 1,
    facets,
    ...overrides,
  };
}

describe('boardPageJson', () => {
  it('gives the same JSON as JSON.stringify, with and without a cursor', () => {
    for (const page of [
      pageOf(),
      pageOf({ nextCursor: 'abc"def' }),
      pageOf({ itemsWithIssues: 0 }),
      pageOf({ nextCursor: 'c', itemsWithIssues: 3 }),
    ]) {
      expect(JSON.parse(boardPageJson(page))).toEqual(
        JSON.parse(JSON.stringify(page)),
      );
    }
  });

  it('serialises facets of a later page like those of the first', () => {
    const first = boardPageJson(pageOf({ nextCursor: 'c1' }));
    const second = boardPageJson(pageOf({ items: [], totalItems: 1 }));
    expect(JSON.parse(second).facets).toEqual(JSON.parse(first).facets);
  });
});
