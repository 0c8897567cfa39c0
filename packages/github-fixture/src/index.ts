/**
 * Demo fixture: a local GitHub-compatible server for the demo, the end-to-end
 * tests and `yarn bench:codehost`. Not part of the product.
 *
 * @packageDocumentation
 */
export { startGithubFixture } from './server';
export type {
  GithubFixture,
  GithubFixtureOptions,
  GithubFixtureStats,
  RateLimitedState,
} from './server';
export type { FixtureLimits, RateLimitResource } from './rateLimits';
export type {
  FixtureSeed,
  FixtureSeedRepository,
  FixtureSeedIssue,
  FixtureSeedPullRequest,
  FixtureSeedResponse,
  FixtureRepository,
  FixturePullRequest,
  FixtureIssue,
} from './seed';
export { demoSeed, demoRateLimitedSeed } from './demoSeed';
export { generateRepositories } from './generateRepositories';
export { graphqlQueryCost } from './graphqlCost';
export type { GraphqlQueryCost } from './graphqlCost';
export { githubGraphqlSchema } from './githubSchema';
