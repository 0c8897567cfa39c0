/**
 * Demo fixture: a local GitLab-compatible server (REST API v4) for the demo
 * and the end-to-end tests. Not part of the product.
 *
 * @packageDocumentation
 */
export { startGitlabFixture } from './server';
export type {
  GitlabFixture,
  GitlabFixtureOptions,
  GitlabFixtureStats,
  GitlabRateLimitedState,
} from './server';
export type { GitlabFixtureLimits } from './rateLimits';
export type {
  GitlabFixtureSeed,
  GitlabSeedProject,
  GitlabSeedIssue,
  GitlabSeedMergeRequest,
  GitlabSeedNote,
  FixtureProject,
  FixtureIssue,
  FixtureMergeRequest,
  FixtureNote,
  FixtureUser,
} from './seed';
export { demoSeed } from './demoSeed';
