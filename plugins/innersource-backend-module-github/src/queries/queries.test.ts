import { parse, validate } from 'graphql';
import { githubSchema } from '../__testUtils__/githubSchema';
import { changeDetectionQuery } from './changeDetectionQuery';
import {
  PULL_REQUEST_PAGE_QUERY,
  REPOSITORY_FACTS_QUERY,
  repositoryFactsCost,
} from './repositoryFactsQuery';

function errorsOf(query: string): string[] {
  return validate(githubSchema(), parse(query)).map(error => error.message);
}

describe('GraphQL queries', () => {
  it('asks for change marks of a batch in a query valid against GitHub’s schema', () => {
    const { query, variables, estimatedCost } = changeDetectionQuery([
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
    const { query, estimatedCost } = changeDetectionQuery(targets);
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
