import {
  boardQueryToSearchParams,
  searchParamsToBoardQuery,
} from './boardSearchParams';
import { BoardQuery } from './types';

const fullQuery: BoardQuery = {
  text: 'kotlin quickstart',
  skills: ['kotlin', 'java'],
  contributionTypes: ['docs', 'code'],
  owner: 'group:default/payments',
  system: 'system:default/checkout',
  domain: 'domain:default/commerce',
  tags: ['payments', 'jvm'],
  hasIssues: true,
  sort: 'most-issues',
  limit: 50,
  cursor: 'eyJvZmZzZXQiOjIwfQ==',
};

function read(queryString: string): BoardQuery {
  return searchParamsToBoardQuery(new URLSearchParams(queryString));
}

describe('board query search params', () => {
  it('writes every field under the parameter name the backend reads', () => {
    expect(boardQueryToSearchParams(fullQuery).toString()).toBe(
      [
        'q=kotlin+quickstart',
        'skill=kotlin',
        'skill=java',
        'type=docs',
        'type=code',
        'owner=group%3Adefault%2Fpayments',
        'system=system%3Adefault%2Fcheckout',
        'domain=domain%3Adefault%2Fcommerce',
        'tag=payments',
        'tag=jvm',
        'issues=true',
        'sort=most-issues',
        'limit=50',
        'cursor=eyJvZmZzZXQiOjIwfQ%3D%3D',
      ].join('&'),
    );
  });

  it('reads back what it writes', () => {
    expect(
      searchParamsToBoardQuery(boardQueryToSearchParams(fullQuery)),
    ).toEqual(fullQuery);
    expect(searchParamsToBoardQuery(boardQueryToSearchParams({}))).toEqual({});
    const onlySkills: BoardQuery = { skills: ['rust'] };
    expect(
      searchParamsToBoardQuery(boardQueryToSearchParams(onlySkills)),
    ).toEqual(onlySkills);
  });

  it('writes an empty query as an empty string and leaves out empty values', () => {
    expect(boardQueryToSearchParams({}).toString()).toBe('');
    expect(
      boardQueryToSearchParams({ text: '  ', skills: [], tags: [] }).toString(),
    ).toBe('');
  });

  it('drops unknown parameters', () => {
    expect(read('skill=kotlin&page=3&utm_source=mail&format=csv')).toEqual({
      skills: ['kotlin'],
    });
  });

  it('drops contribution types and sorts that do not exist', () => {
    expect(read('type=code&type=painting&type=DOCS&sort=random')).toEqual({
      contributionTypes: ['code'],
    });
  });

  it('filters by issues only for issues=true, and never writes issues=false', () => {
    expect(read('issues=true')).toEqual({ hasIssues: true });
    expect(read('issues=TRUE')).toEqual({ hasIssues: true });
    for (const value of ['false', '1', 'yes', '']) {
      expect(read(`issues=${value}`)).toEqual({});
    }
    expect(boardQueryToSearchParams({ hasIssues: false }).toString()).toBe('');
  });

  it('knows the sorts by live issues and activity', () => {
    expect(read('sort=most-issues')).toEqual({ sort: 'most-issues' });
    expect(read('sort=most-active')).toEqual({ sort: 'most-active' });
  });

  it('drops limits outside 1 to 100 and ones that are not whole numbers', () => {
    for (const limit of ['0', '101', '-5', '2.5', '1e2', 'ten', '']) {
      expect(read(`limit=${limit}`)).toEqual({});
    }
    expect(read('limit=1')).toEqual({ limit: 1 });
    expect(read('limit=100')).toEqual({ limit: 100 });
  });

  it('drops empty values and repeated list values', () => {
    expect(
      read('q=&skill=&skill=%20kotlin%20&skill=kotlin&tag=&cursor=&owner='),
    ).toEqual({ skills: ['kotlin'] });
  });

  it('normalizes entity refs to their full lower-case form', () => {
    expect(
      read('owner=group:Payments&system=checkout&domain=default/commerce'),
    ).toEqual({
      owner: 'group:default/payments',
      system: 'system:default/checkout',
      domain: 'domain:default/commerce',
    });
  });

  it('drops entity refs that cannot be parsed and keeps the first valid one', () => {
    expect(read('owner=%3Anone&owner=user:jane-doe&owner=group:x')).toEqual({
      owner: 'user:default/jane-doe',
    });
    expect(read('system=a/b/c:d')).toEqual({});
    expect(read('owner=group:default/%3Cimg%20src=x%3E')).toEqual({});
  });

  it('takes the first valid value of a single-valued parameter given twice', () => {
    expect(read('sort=nope&sort=newest&sort=relevance&q=a&q=b')).toEqual({
      sort: 'newest',
      text: 'a',
    });
  });
});
