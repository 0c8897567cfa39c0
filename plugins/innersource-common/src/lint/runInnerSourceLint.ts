import {
  formatLintFailures,
  formatLintReport,
  lintExitCode,
  LintReportFormat,
  summarizeLintResults,
} from './formatLintReport';
import { lintCatalogYaml, LintFileResult } from './lintCatalogYaml';

/**
 * What the lint command needs from the outside world; the `bin` passes the real
 * file system and process streams, tests pass fakes.
 *
 * @public
 */
export type InnerSourceLintIo = {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The moment `help-wanted-until` is judged against; defaults to now. */
  now?: Date;
};

/** @public */
export const INNERSOURCE_LINT_USAGE = `Usage: innersource-lint [--format text|json] <file...>

Checks the innersource/* annotations of every entity in the given catalog files
(multi-document YAML, e.g. catalog-info.yaml) and reports each problem with its
file, line and column, severity, what is wrong and the fix. Then prints the
scorecard score and level of each Component and System, counting only the checks
that the file alone decides (the catalog and code-host checks are left out).

Options:
  --format text|json  output format (default: text)
  -h, --help          show this help

Exit codes: 0 no errors (warnings allowed), 1 at least one error,
            2 a file could not be read or is not valid YAML, or bad usage.
`;

/** @public */
export type InnerSourceLintArgs =
  | { kind: 'lint'; format: LintReportFormat; files: string[] }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

/** Reads the command line (without `node` and the script path). @public */
export function parseInnerSourceLintArgs(
  args: readonly string[],
): InnerSourceLintArgs {
  let format: string = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    } else if (arg === '-h' || arg === '--help') {
      return { kind: 'help' };
    } else if (arg === '--format') {
      if (i + 1 >= args.length) {
        return { kind: 'usage-error', message: '--format needs a value' };
      }
      format = args[++i];
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-')) {
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    } else {
      files.push(arg);
    }
  }
  if (format !== 'text' && format !== 'json') {
    return {
      kind: 'usage-error',
      message: `unknown format "${format}"; use text or json`,
    };
  }
  if (files.length === 0) {
    return { kind: 'usage-error', message: 'no files given' };
  }
  return { kind: 'lint', format, files };
}

async function lintFile(
  file: string,
  io: InnerSourceLintIo,
): Promise<LintFileResult> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      file,
      entities: 0,
      problems: [],
      scorecards: [],
      failure: `${file}: cannot read the file (${reason})`,
    };
  }
  return lintCatalogYaml(file, text, { now: io.now });
}

/**
 * The lint command: reads the files, lints each, writes the report and returns
 * the exit code (see {@link lintExitCode}; 2 for bad usage).
 *
 * @public
 */
export async function runInnerSourceLint(
  args: readonly string[],
  io: InnerSourceLintIo,
): Promise<number> {
  const parsed = parseInnerSourceLintArgs(args);
  if (parsed.kind === 'help') {
    io.stdout(INNERSOURCE_LINT_USAGE);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(
      `innersource-lint: ${parsed.message}\n\n${INNERSOURCE_LINT_USAGE}`,
    );
    return 2;
  }
  const results: LintFileResult[] = [];
  for (const file of parsed.files) {
    results.push(await lintFile(file, io));
  }
  if (parsed.format === 'text') {
    io.stderr(formatLintFailures(results));
  }
  io.stdout(formatLintReport(results, parsed.format));
  return lintExitCode(summarizeLintResults(results));
}
