import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';

/** Reads `true` or `false` (any case, surrounding spaces ignored). */
export function readFlag(
  value: string,
  report: ProblemReporter,
): boolean | undefined {
  const normalized = value.trim().toLocaleLowerCase('en-US');
  if (normalized === 'true') {
    return true;
  }
  if (normalized === 'false') {
    return false;
  }
  report.error(
    `${quoteValue(value)} is neither true nor false`,
    `use 'true' or 'false' (quoted, so that YAML keeps it a string)`,
  );
  return undefined;
}
