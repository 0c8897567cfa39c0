/**
 * The logic of the `innersource-lint` command, for tools that want to run it
 * in-process. The command itself is this package's `bin`.
 *
 * @packageDocumentation
 */

export { lintCatalogYaml } from './lintCatalogYaml';
export type {
  LintCatalogYamlOptions,
  LintFileResult,
  LintProblem,
  LintScorecard,
} from './lintCatalogYaml';
export {
  formatLintFailures,
  formatLintProblem,
  formatLintReport,
  formatLintScorecard,
  lintExitCode,
  summarizeLintResults,
} from './formatLintReport';
export type { LintReportFormat, LintSummary } from './formatLintReport';
export {
  INNERSOURCE_LINT_USAGE,
  parseInnerSourceLintArgs,
  runInnerSourceLint,
} from './runInnerSourceLint';
export type {
  InnerSourceLintArgs,
  InnerSourceLintIo,
} from './runInnerSourceLint';
