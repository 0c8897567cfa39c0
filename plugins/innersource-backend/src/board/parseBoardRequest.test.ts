import { InputError } from '@backstage/errors';
import { encodeCursor } from './cursor';
import { parseBoardRequest } from './parseBoardRequest';

function errorOf(params: Record<string, unknown>): string {
  try {
    parseBoardRequest(params);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseBoardRequest', () => {
  it('reads an empty query string as the whole board, by relevance, 20 at a time', () => {
    expect(parseBoardRequest({})).toEqual({
      query: {
        text: '',
        skills: [],
        contributionTypes: [],
        ownerRefs: [],
        systemRefs: [],
        domainRefs: [],
        tags: [],
        sort: 'relevance',
      },
      limit: 20,
      after: undefined,
      format: undefined,
    });
  });

  it('reads every parameter, repeated ones as lists', () => {
    const request = parseBoardRequest({
      q: ' kotlin quickstart ',
      skill: ['Kotlin', 'java', 'Kotlin'],
      type: ['Docs', 'code'],
      owner: 'payments',
      system: ['checkout', 'shop/basket'],
      domain: 'domain:default/commerce',
      tag: 'Java',
      issues: 'true',
      sort: 'newest',
      limit: '100',
      format: 'csv',
    });
    expect(request).toEqual({
      query: {
        text: 'kotlin quickstart',
        skills: ['Kotlin', 'java'],
        contributionTypes: ['docs', 'code'],
        ownerRefs: ['group:default/payments'],
        systemRefs: ['system:default/checkout', 'system:shop/basket'],
        domainRefs: ['domain:default/commerce'],
        tags: ['java'],
        hasIssues: true,
        sort: 'newest',
      },
      limit: 100,
      after: undefined,
      format: 'csv',
    });
  });

  it('takes empty values as not given', () => {
    expect(
      parseBoardRequest({ q: '', skill: '', sort: '', limit: '', issues: '' }),
    ).toEqual(parseBoardRequest({}));
  });

  it('reads issues=false, in any case, as no issues filter', () => {
    expect(parseBoardRequest({ issues: 'FALSE' })).toEqual(
      parseBoardRequest({}),
    );
    expect(parseBoardRequest({ issues: 'True' }).query.hasIssues).toBe(true);
  });

  it.each(['most-issues', 'most-active'])('knows the sort %s', sort => {
    expect(parseBoardRequest({ sort }).query.sort).toBe(sort);
  });

  it('takes a cursor of the same query', () => {
    const { query } = parseBoardRequest({ skill: 'go' });
    const cursor = encodeCursor(query, [-1, 'title', 'component:default/a']);
    expect(parseBoardRequest({ skill: 'go', cursor }).after).toEqual([
      -1,
      'title',
      'component:default/a',
    ]);
  });

  it.each([
    [
      { limit: '0' },
      'Invalid query parameter "limit": must be a whole number from 1 to 100',
    ],
    [
      { limit: '101' },
      'Invalid query parameter "limit": must be a whole number from 1 to 100',
    ],
    [
      { limit: '2.5' },
      'Invalid query parameter "limit": must be a whole number from 1 to 100',
    ],
    [
      { limit: 'ten' },
      'Invalid query parameter "limit": must be a whole number from 1 to 100',
    ],
    [
      { limit: ['5', '6'] },
      'Invalid query parameter "limit": give it at most once',
    ],
    [
      { sort: 'popular' },
      'Invalid query parameter "sort": "popular" is not a sort; use one of relevance, newest, most-asks, most-issues, most-active',
    ],
    [
      { type: 'cooking' },
      'Invalid query parameter "type": "cooking" is not a contribution type; use one of code, docs, tests, design, review, triage, ops',
    ],
    [
      { owner: 'group:default/' },
      'Invalid query parameter "owner": "group:default/" is not an entity ref; use e.g. group:default/payments',
    ],
    [
      { system: 'x:' },
      'Invalid query parameter "system": "x:" is not an entity ref; use e.g. system:default/checkout',
    ],
    [
      { domain: ':x' },
      'Invalid query parameter "domain": ":x" is not an entity ref; use e.g. domain:default/commerce',
    ],
    [
      { issues: 'yes' },
      'Invalid query parameter "issues": "yes" is not true or false; use issues=true for only entities with open issues on the code host',
    ],
    [
      { issues: ['true', 'true'] },
      'Invalid query parameter "issues": give it at most once',
    ],
    [
      { format: 'xml' },
      'Invalid query parameter "format": "xml" is not a format; use csv or json',
    ],
    [
      { q: 'x'.repeat(201) },
      'Invalid query parameter "q": must be at most 200 characters',
    ],
    [
      { skill: { a: 'b' } },
      'Invalid query parameter "skill": must be given as name=value',
    ],
    [
      { tag: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      'Invalid query parameter "tag": give at most 20 values',
    ],
    [
      { skills: 'go' },
      'Invalid query parameter "skills": not a parameter of the board; did you mean "skill"? Repeat it for several values',
    ],
    [
      { page: '2' },
      'Invalid query parameter "page": not a parameter of the board; use q, sort, limit, cursor, format, issues, skill, type, owner, system, domain, tag',
    ],
    [
      { cursor: 'nonsense' },
      'Invalid query parameter "cursor": is not a cursor of a board page with these filters and sort; leave it out to start from the first page',
    ],
  ])('rejects %j: %s', (params, message) => {
    expect(errorOf(params)).toBe(message);
  });

  it('rejects a cursor of other filters', () => {
    const { query } = parseBoardRequest({ skill: 'go' });
    const cursor = encodeCursor(query, [-1, 'title', 'component:default/a']);
    expect(errorOf({ skill: 'rust', cursor })).toMatch(
      /^Invalid query parameter "cursor"/,
    );
    expect(errorOf({ skill: 'go', issues: 'true', cursor })).toMatch(
      /^Invalid query parameter "cursor"/,
    );
  });

  it('ignores the cursor of an export, which is not paged', () => {
    expect(
      parseBoardRequest({ cursor: 'nonsense', format: 'json' }),
    ).toMatchObject({ after: undefined, format: 'json' });
  });
});
