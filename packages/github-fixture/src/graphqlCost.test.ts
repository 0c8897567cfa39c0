import { parse } from 'graphql';
import { githubGraphqlSchema } from './githubSchema';
import { graphqlQueryCost } from './graphqlCost';

const cost = (query: string, variables?: Record<string, unknown>) =>
  graphqlQueryCost(githubGraphqlSchema(), parse(query), variables);

describe('graphqlQueryCost', () => {
  it("scores GitHub's documented example at 51 points (5,101 requests)", () => {
    const result = cost(`
      query {
        viewer {
          login
          repositories(first: 100) {
            edges { node { id
              issues(first: 50) {
                edges { node { id
                  labels(first: 60) { edges { node { id name } } }
                } }
              }
            } }
          }
        }
      }`);
    expect(result).toMatchObject({ requests: 5101, points: 51, errors: [] });
  });

  it('charges at least one point for a query without connections', () => {
    expect(cost('{ rateLimit { remaining } }')).toMatchObject({
      requests: 0,
      points: 1,
    });
  });

  it('adds up aliased repositories, reads page sizes from variables and follows fragments', () => {
    const result = cost(
      `query($prs: Int!) {
        a: repository(owner: "acme", name: "a") { ...facts }
        b: repository(owner: "acme", name: "b") { ...facts }
      }
      fragment facts on Repository {
        issues(first: 5) { nodes { labels(first: 10) { nodes { name } } } }
        pullRequests(first: $prs) {
          nodes {
            comments(first: 10) { nodes { createdAt } }
            reviews(first: 10) { nodes { createdAt } }
          }
        }
      }`,
      { prs: 50 },
    );
    // Per repository: issues 1 + labels 5 + pull requests 1 + comments 50 + reviews 50.
    expect(result.requests).toBe(2 * 107);
    expect(result.points).toBe(2);
  });

  it('lets a connection that only counts go without first or last', () => {
    const result = cost(
      '{ repository(owner: "a", name: "b") { issues(states: OPEN) { totalCount } } }',
    );
    expect(result.errors).toEqual([]);
  });

  it('refuses a connection that lists nodes without first or last, or more than 100', () => {
    const missing = cost(
      '{ repository(owner: "a", name: "b") { issues { nodes { title } } } }',
    );
    expect(missing.errors.map(e => e.message)).toEqual([
      'You must provide a `first` or `last` value to properly paginate the `issues` connection.',
    ]);
    const tooMany = cost(
      '{ repository(owner: "a", name: "b") { issues(first: 101) { nodes { title } } } }',
    );
    expect(tooMany.errors.map(e => e.message)).toEqual([
      'Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.',
    ]);
  });

  it('notices a dry run', () => {
    expect(cost('{ rateLimit(dryRun: true) { cost } }').dryRun).toBe(true);
  });
});
