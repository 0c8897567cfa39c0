import { quoteValue } from '../annotations/quoteValue';
import { LintFileResult, LintProblem, LintScorecard } from './lintCatalogYaml';

/** @public */
export type LintReportFormat = 'text' | 'json';

/** @public */
export type LintSummary = {
  files: number;
  entities: number;
  errors: number;
  warnings: number;
  /** Files that could not be read or are not valid YAML. */
  failedFiles: number;
};

/** @public */
export function summarizeLintResults(
  results: readonly LintFileResult[],
): LintSummary {
  const problems = results.flatMap(r => r.problems);
  const errors = problems.filter(p => p.severity === 'error').length;
  return {
    files: results.length,
    entities: results.reduce((sum, r) => sum + r.entities, 0),
    errors,
    warnings: problems.length - errors,
    failedFiles: results.filter(r => r.failure !== undefined).length,
  };
}

/**
 * The exit code of the lint command: 2 when a file could not be read or parsed,
 * 1 when any annotation has an error, 0 otherwise (warnings alone pass).
 *
 * @public
 */
export function lintExitCode(summary: LintSummary): 0 | 1 | 2 {
  if (summary.failedFiles > 0) {
    return 2;
  }
  return summary.errors > 0 ? 1 : 0;
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** `examples/malformed.yaml:16:32 error innersource/response-time "two days" is not a duration; use e.g. "2d" or "48h"` */
export function formatLintProblem(problem: LintProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.annotation} ${problem.message}; ${problem.fix}`;
}

function checksWith(scorecard: LintScorecard, status: 'fail' | 'warn') {
  return scorecard.results
    .filter(r => r.status === status)
    .map(r => r.checkId)
    .join(', ');
}

/**
 * One line per scored entity, e.g. `component:default/checkout-web: score 46
 * (annotation checks only), level —; failing: docs, skills; warning:
 * asks-not-expired`.
 *
 * @public
 */
export function formatLintScorecard(scorecard: LintScorecard): string {
  const parts = [
    `${scorecard.entity}: score ${
      scorecard.score ?? '—'
    } (annotation checks only), level ${scorecard.level ?? '—'}`,
  ];
  const failing = checksWith(scorecard, 'fail');
  if (failing) {
    parts.push(`failing: ${failing}`);
  }
  const warning = checksWith(scorecard, 'warn');
  if (warning) {
    parts.push(`warning: ${warning}`);
  }
  for (const { checkId, didYouMean } of scorecard.unknownExemptions) {
    parts.push(
      `unknown check in innersource/scorecard-exempt: ${quoteValue(checkId)}${
        didYouMean ? ` (did you mean ${quoteValue(didYouMean)}?)` : ''
      }`,
    );
  }
  return parts.join('; ');
}

function formatSummary(summary: LintSummary): string {
  const checked = `${plural(
    summary.entities,
    'entity',
    'entities',
  )} in ${plural(summary.files - summary.failedFiles, 'file')}`;
  const found =
    summary.errors === 0 && summary.warnings === 0
      ? 'no problems'
      : `${plural(summary.errors, 'error')} and ${plural(
          summary.warnings,
          'warning',
        )}`;
  const failed =
    summary.failedFiles > 0
      ? `, and ${plural(summary.failedFiles, 'file')} could not be checked`
      : '';
  return `${found} in ${checked}${failed}`;
}

/**
 * Renders the lint results: one line per problem, one per scorecard and a
 * summary line (`text`),
 * or one JSON document (`json`) for tools. Failures to read or parse a file are
 * part of the JSON; in text they belong on stderr (see {@link formatLintFailures}).
 *
 * @public
 */
export function formatLintReport(
  results: readonly LintFileResult[],
  format: LintReportFormat,
): string {
  const summary = summarizeLintResults(results);
  const problems = results.flatMap(r => r.problems);
  const scorecards = results.flatMap(r => r.scorecards);
  if (format === 'json') {
    return `${JSON.stringify(
      {
        files: results.map(({ file, entities, failure }) =>
          failure === undefined
            ? { file, entities }
            : { file, entities, failure },
        ),
        problems,
        scorecards,
        summary,
      },
      null,
      2,
    )}\n`;
  }
  return [
    ...problems.map(formatLintProblem),
    ...scorecards.map(formatLintScorecard),
    formatSummary(summary),
  ]
    .map(line => `${line}\n`)
    .join('');
}

/** The failure lines of a text report, meant for stderr. @public */
export function formatLintFailures(results: readonly LintFileResult[]): string {
  return results
    .filter(r => r.failure !== undefined)
    .map(r => `innersource-lint: ${r.failure}\n`)
    .join('');
}
