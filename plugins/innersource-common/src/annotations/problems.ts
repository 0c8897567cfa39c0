import { AnnotationProblem, AnnotationProblemSeverity } from './types';

/**
 * Collects the problems of one annotation; the value readers report through it so
 * that every problem carries its key, a severity, a message and a fix.
 */
export type ProblemReporter = {
  error(message: string, fix: string): void;
  warning(message: string, fix: string): void;
};

export function createProblemReporter(
  annotation: string,
  problems: AnnotationProblem[],
): ProblemReporter {
  const add =
    (severity: AnnotationProblemSeverity) => (message: string, fix: string) =>
      problems.push({ annotation, severity, message, fix });
  return { error: add('error'), warning: add('warning') };
}

/**
 * One line of plain text for a problem, as the lint command, the catalog
 * processor and the entity page show it, e.g.
 * `innersource/response-time: "two days" is not a duration; use e.g. "2d" or "48h"`.
 *
 * @public
 */
export function formatAnnotationProblem(problem: AnnotationProblem): string {
  return `${problem.annotation}: ${problem.message}; ${problem.fix}`;
}

/**
 * Counts problems by severity, e.g. for a summary line or a status chip.
 *
 * @public
 */
export function countAnnotationProblems(
  problems: readonly AnnotationProblem[],
): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) {
    if (problem.severity === 'error') {
      errors += 1;
    }
  }
  return { errors, warnings: problems.length - errors };
}
