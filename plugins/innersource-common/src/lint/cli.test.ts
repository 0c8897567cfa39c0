import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '../testUtils';

const ROOT = findRepoRoot();
const BIN = path.resolve(__dirname, '../../bin/innersource-lint');

/** Runs the real `bin` as a child process, from the repository root. */
function runBin(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (error.code as number) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the innersource-lint bin', () => {
  jest.setTimeout(60_000);

  it('exits with 0 for the well-formed demo catalog', async () => {
    const { code, stdout } = await runBin(
      'examples/components.yaml',
      'examples/systems.yaml',
      'examples/org.yaml',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^0 errors and \d+ warnings in \d+ entities in 3 files$/m,
    );
  });

  it('prints the annotation-only score of each Component and System', async () => {
    const { code, stdout } = await runBin('examples/components.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'component:default/payments-gateway: score 100 (annotation checks only), level silver\n',
    );
    expect(stdout).toMatch(
      /^component:default\/checkout-web: score \d+ \(annotation checks only\), level —; failing: docs, skills/m,
    );
    expect(stdout).not.toMatch(/^api:/m);
  });

  it('exits with 1 and reports file:line:column for the malformed demo catalog', async () => {
    const { code, stdout } = await runBin('examples/malformed.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'examples/malformed.yaml:16:32 error innersource/response-time "two days" is not a duration; use e.g. "2d" or "48h"\n',
    );
  });

  it('writes parseable JSON with --format json', async () => {
    const { code, stdout } = await runBin(
      '--format',
      'json',
      'examples/malformed.yaml',
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ files: 1, entities: 4 });
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('exits with 2 for a missing file and for invalid YAML', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innersource-lint-'));
    try {
      const broken = path.join(dir, 'broken.yaml');
      fs.writeFileSync(broken, 'metadata: [unclosed\n');
      const missing = await runBin(path.join(dir, 'missing.yaml'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
      const invalid = await runBin(broken);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits with 2 and prints the usage without files', async () => {
    const { code, stderr } = await runBin();
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: innersource-lint');
  });
});
