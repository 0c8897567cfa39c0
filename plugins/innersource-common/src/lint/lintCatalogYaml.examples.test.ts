import fs from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../testUtils';
import { lintCatalogYaml } from './lintCatalogYaml';
import { runInnerSourceLint } from './runInnerSourceLint';

const EXAMPLES = path.join(findRepoRoot(), 'examples');
const NOW = new Date('2030-06-15T12:00:00Z');

type Expectation = { line: number; severity: string; annotation: string };

/**
 * The `# expect: <severity> <annotation key>` markers of a demo catalog file;
 * `# expect+N:` marks the line N lines further down, for a line inside a block
 * scalar, where a comment would be part of the value.
 */
function readMarkers(text: string): Expectation[] {
  return text.split('\n').flatMap((line, index) => {
    const match =
      /#\s*expect(?:\+(\d+))?:\s*(error|warning)\s+(innersource\/\S+)/.exec(
        line,
      );
    return match
      ? [
          {
            line: index + 1 + Number(match[1] ?? 0),
            severity: match[2],
            annotation: match[3],
          },
        ]
      : [];
  });
}

function key(e: Expectation) {
  return `${e.line} ${e.severity} ${e.annotation}`;
}

describe('innersource-lint on the demo catalog', () => {
  describe('examples/malformed.yaml', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'malformed.yaml'), 'utf8');
    const markers = readMarkers(text);
    const result = lintCatalogYaml('examples/malformed.yaml', text, {
      now: NOW,
    });
    const found = new Set(result.problems.map(key));
    const expected = new Set(markers.map(key));

    it('has planted problems to find', () => {
      expect(markers.length).toBeGreaterThanOrEqual(10);
      expect(result.failure).toBeUndefined();
    });

    it('finds every planted problem on its line, with its severity and key', () => {
      const missing = markers.map(key).filter(k => !found.has(k));
      expect(missing).toEqual([]);
    });

    it('finds nothing that is not planted', () => {
      const unexpected = result.problems.map(key).filter(k => !expected.has(k));
      expect(unexpected).toEqual([]);
    });

    it('exits with 1 because of the errors', async () => {
      const code = await runInnerSourceLint(
        [path.join(EXAMPLES, 'malformed.yaml')],
        {
          readFile: file => fs.promises.readFile(file, 'utf8'),
          stdout: () => {},
          stderr: () => {},
        },
      );
      expect(code).toBe(1);
    });
  });

  it.each(['components.yaml', 'systems.yaml', 'org.yaml'])(
    'finds no errors in examples/%s and exits with 0',
    async file => {
      let output = '';
      const code = await runInnerSourceLint([path.join(EXAMPLES, file)], {
        readFile: name => fs.promises.readFile(name, 'utf8'),
        stdout: text => {
          output += text;
        },
        stderr: text => {
          output += text;
        },
        now: NOW,
      });
      expect(output).not.toMatch(/ error /);
      expect(code).toBe(0);
    },
  );

  it('warns, without failing, about the expired asks in examples/components.yaml', () => {
    const file = path.join(EXAMPLES, 'components.yaml');
    const result = lintCatalogYaml(file, fs.readFileSync(file, 'utf8'), {
      now: NOW,
    });
    const expired = result.problems.filter(p =>
      p.message.startsWith('the asks expired on'),
    );
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every(p => p.severity === 'warning')).toBe(true);
    expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
  });
});
