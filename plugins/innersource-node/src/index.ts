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
  type CodeHostReadContext,
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
export { HostRequestGate } from './provider/HostRequestGate';
export {
  HostReadCycle,
  type HostFailureWording,
} from './provider/HostReadCycle';
export {
  PerHostReader,
  groupRequestsByHost,
  type PerHostReaderOptions,
} from './provider/PerHostReader';
export {
  BudgetExhausted,
  CodeHostRequestFailure,
  oneLineDetail,
  utcTime,
} from './provider/readFailures';
export {
  CodeHostSettingsReader,
  type CodeHostModuleSettings,
} from './provider/moduleSettings';
export {
  locateFromAnnotations,
  locateWithoutThrowing,
  locationAnnotationUrl,
  type AnnotationLocating,
} from './provider/locateFromAnnotations';
export {
  earliestResponseAt,
  httpUrlOr,
  sameReadScope,
  type CodeHostResponse,
} from './provider/responses';
export { createCodeHostFactsModule } from './provider/createCodeHostFactsModule';
