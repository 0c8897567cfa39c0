/**
 * Extension points of the InnerSource backend plugin: backend modules of the
 * `innersource` plugin use them to add scorecard checks.
 *
 * @packageDocumentation
 */

export {
  innersourceScorecardChecksExtensionPoint,
  type InnerSourceScorecardChecksExtensionPoint,
} from './extensions';
export type {
  CheckOutcome,
  ScorecardCheckDefinition,
  ScorecardCheckEvaluator,
  ScorecardInput,
  ScorecardThresholds,
} from '@innersource/backstage-plugin-innersource-common';
