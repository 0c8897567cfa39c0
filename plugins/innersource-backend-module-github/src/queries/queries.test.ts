import { parse, validate } from 'graphql';
import { githubSchema } from '../__testUtils__/githubSchema';
import {
  activitySearchText,
  repositoryActivityQuery,
  repositoryChangesQuery,
} from './changeDetectionQuery';
import { changeToken, parseChangeToken } from './changeMarks';
import {
  PULL_REQUEST_PAGE_QUERY,
  REPOSITORY_FACTS_QUERY,
  repositoryFactsCost,
} from './repositoryFactsQuery';

function errorsOf(query: string): string[] {
  return validate(githubSchema(), parse(query)).map(error => error.message);
}

describe('GraphQL queries', () => {
  it('asks for the pushes of 500 repositories and ten owners’ activity in one query of one point, valid against GitHub’s schema', () => {
    const { query, variables, estimatedCost } = repositoryChangesQuery({
      repositories: Array.from({ length: 500 }, (_, i) => ({
        owner: 'acme',
        name: `repo-${i}`,
      })),
      searches: Array.from({ length: 10 }, (_, i) => ({
        query: activitySearchText(`org-${i}`, new Date())!,
        after: i === 0 ? null : 'Y3Vyc29yOjEwMA==',
      })),
    });
    expect(errorsOf(query)).toEqual([]);
    expect(query).not.toMatch(/pullRequests|issues\(/);
    expect(variables).toMatchObject({
      o0: 'acme',
      n0: 'repo-0',
      o499: 'acme',
      n499: 'repo-499',
      a0: null,
      a1: 'Y3Vyc29yOjEwMA==',
    });
    expect(estimatedCost).toBe(1);
  });

  it('asks for an owner’s activity alone, without repositories, in a valid query', () => {
    const { query, estimatedCost } = repositoryChangesQuery({
      repositories: [],
      searches: [
        { query: 'user:acme updated:>=2026-01-01T00:00:00Z', after: null },
      ],
    });
    expect(errorsOf(query)).toEqual([]);
    expect(estimatedCost).toBe(1);
  });

  it('searches an owner’s issues and pull requests updated since a time, and never splices a login GitHub could not have', () => {
    expect(
      activitySearchText('acme', new Date('2026-03-04T05:06:07.890Z')),
    ).toBe('user:acme updated:>=2026-03-04T05:06:07Z sort:updated-asc');
    expect(activitySearchText('acme repo:other/x', new Date())).toBeUndefined();
    expect(activitySearchText('"acme"', new Date())).toBeUndefined();
  });

  it('writes change tokens it reads back, and reads the first version’s too', () => {
    const marks = {
      nameWithOwner: 'Acme/Payments',
      isArchived: false,
      pushedAt: '2026-03-04T05:06:07Z',
    };
    expect(parseChangeToken(changeToken(marks, 3))).toEqual({
      nameWithOwner: 'acme/payments',
      isArchived: false,
      pushedAt: '2026-03-04T05:06:07Z',
      openIssues: 3,
    });
    expect(
      parseChangeToken(changeToken({ ...marks, pushedAt: null }, undefined)),
    ).toEqual({
      nameWithOwner: 'acme/payments',
      isArchived: false,
      pushedAt: null,
    });
    expect(
      parseChangeToken(
        'v1|acme/payments|archived|2026-03-04T05:06:07Z|2026-03-05T00:00:00Z|2@2026-03-01T00:00:00Z',
      ),
    ).toEqual({
      nameWithOwner: 'acme/payments',
      isArchived: true,
      pushedAt: '2026-03-04T05:06:07Z',
      openIssues: 2,
    });
    expect(parseChangeToken('"etag-from-elsewhere"')).toBeUndefined();
    expect(parseChangeToken(undefined)).toBeUndefined();
  });

  it('asks for the activity of a batch one by one in a query valid against GitHub’s schema', () => {
    const { query, variables, estimatedCost } = repositoryActivityQuery([
      { owner: 'acme', name: 'payments', issueLabels: ['good first issue'] },
      { owner: 'acme', name: 'ledger', issueLabels: [] },
    ]);
    expect(errorsOf(query)).toEqual([]);
    expect(variables).toEqual({
      o0: 'acme',
      n0: 'payments',
      l0: ['good first issue'],
      o1: 'acme',
      n1: 'ledger',
    });
    expect(estimatedCost).toBe(1);
  });

  it('keeps a batch of 50 repositories at one point', () => {
    const targets = Array.from({ length: 50 }, (_, i) => ({
      owner: 'acme',
      name: `repo-${i}`,
      issueLabels: ['help wanted'],
    }));
    const { query, estimatedCost } = repositoryActivityQuery(targets);
    expect(errorsOf(query)).toEqual([]);
    expect(estimatedCost).toBe(1);
  });

  it('reads the facts of a repository in a query valid against GitHub’s schema, with and without issues', () => {
    expect(errorsOf(REPOSITORY_FACTS_QUERY.withIssues)).toEqual([]);
    expect(errorsOf(REPOSITORY_FACTS_QUERY.withoutIssues)).toEqual([]);
    expect(REPOSITORY_FACTS_QUERY.withoutIssues).not.toContain('$labels');
  });

  it('pages pull requests in a query valid against GitHub’s schema', () => {
    expect(errorsOf(PULL_REQUEST_PAGE_QUERY)).toEqual([]);
  });

  it('costs at most two points per repository read cold', () => {
    expect(repositoryFactsCost(50, true)).toBe(1);
    expect(repositoryFactsCost(100, true)).toBe(2);
  });
});
