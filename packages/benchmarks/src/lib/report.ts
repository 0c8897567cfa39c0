import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

export const REPO_ROOT = path.resolve(
  resolvePackagePath('@internal/benchmarks'),
  '../..',
);
export const REPORT = path.join(REPO_ROOT, 'docs', 'benchmarks.md');

/** The machine a result was measured on, as one line for the report. */
export function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus.length} CPUs (${cpus[0]?.model ?? 'unknown'}), ${(
    os.totalmem() /
    1024 ** 3
  ).toFixed(
    1,
  )} GiB memory, ${os.type()} ${os.release()} ${os.arch()}, Node.js ${
    process.version
  }; run on ${new Date().toISOString()}`;
}

/** A Markdown table. */
export function markdownTable(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows]
    .map(cells => `| ${cells.join(' | ')} |`)
    .join('\n');
}

/** The p-th percentile of ascending numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export const ms = (value: number) => value.toFixed(1);

/**
 * Replaces the section that starts with `heading` (a `## ` line) in
 * docs/benchmarks.md, or appends it, and formats the file like the rest of
 * the repository so that the format check passes.
 */
export function writeReportSection(heading: string, text: string) {
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  const existing = fs.existsSync(REPORT)
    ? fs.readFileSync(REPORT, 'utf8')
    : '# Benchmarks\n';
  const start = existing.indexOf(`\n${heading}\n`);
  let next: string;
  if (start === -1) {
    next = `${existing.trimEnd()}\n\n${text}`;
  } else {
    const after = existing.indexOf('\n## ', start + 1);
    next =
      existing.slice(0, start + 1) +
      text +
      (after === -1 ? '' : `\n${existing.slice(after + 1)}`);
  }
  fs.writeFileSync(REPORT, next);
  execFileSync(
    process.execPath,
    [require.resolve('prettier/bin-prettier.js'), '--write', REPORT],
    { cwd: REPO_ROOT, stdio: 'ignore' },
  );
}
