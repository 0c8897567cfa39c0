/**
 * Extension points of the InnerSource backend plugin: backend modules of the
 * `innersource` plugin use them to add scorecard checks and code-host fact
 * providers.
 *
 * @packageDocumentation
 */

export {
  innersourceScorecardChecksExtensionPoint,
  type InnerSourceScorecardChecksExtensionPoint,
} from './extensions';
export {
  innersourceCodeHostExtensionPoint,
  type CodeHostBudget,
  type CodeHostFactsProvider,
  type CodeHostLocation,
  type CodeHostReadRequest,
  type CodeHostReadResult,
  type InnerSourceCodeHostExtensionPoint,
} from './codeHost';
export {
  codeHostRepositoryKey,
  type CodeHostAuthor,
  type CodeHostIssue,
  type CodeHostPullRequest,
  type CodeHostRepository,
  type RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
export type {
  CheckOutcome,
  ScorecardCheckDefinition,
  ScorecardCheckEvaluator,
  ScorecardInput,
  ScorecardThresholds,
} from '@innersource/backstage-plugin-innersource-common';
