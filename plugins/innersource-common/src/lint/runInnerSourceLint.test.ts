import {
  INNERSOURCE_LINT_USAGE,
  parseInnerSourceLintArgs,
  runInnerSourceLint,
} from './runInnerSourceLint';

const NOW = new Date('2030-06-15T12:00:00Z');

const FILES: Record<string, string> = {
  'good.yaml': `kind: Component
metadata:
  name: good
  description: Routes card, wallet and bank payments to the right provider.
  annotations:
    backstage.io/techdocs-ref: dir:.
    innersource/contributions-wanted: 'true'
    innersource/response-time: 2d
    innersource/skills: kotlin
    innersource/contributing: CONTRIBUTING.md
    innersource/chat: '#payments-dev'
    innersource/license: internal
spec:
  lifecycle: production
  owner: group:payments
`,
  'warned.yaml': `kind: Component
metadata:
  name: warned
  annotations:
    innersource/help-wanted-until: '2030-01-01'
    innersource/skils: go
`,
  'bad.yaml': `kind: Component
metadata:
  name: bad
  annotations:
    innersource/response-time: two days
`,
  'broken.yaml': 'kind: [unclosed\n',
};

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInnerSourceLint(args, {
    readFile: async file => {
      if (!(file in FILES)) {
        throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      }
      return FILES[file];
    },
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    now: NOW,
  });
  return { code, stdout, stderr };
}

describe('parseInnerSourceLintArgs', () => {
  it.each([
    [['a.yaml'], { kind: 'lint', format: 'text', files: ['a.yaml'] }],
    [
      ['--format', 'json', 'a.yaml', 'b.yaml'],
      { kind: 'lint', format: 'json', files: ['a.yaml', 'b.yaml'] },
    ],
    [
      ['--format=text', '--', '--odd-name.yaml'],
      { kind: 'lint', format: 'text', files: ['--odd-name.yaml'] },
    ],
    [['a.yaml', '--help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [[], { kind: 'usage-error', message: 'no files given' }],
    [['--format'], { kind: 'usage-error', message: '--format needs a value' }],
    [
      ['--format', 'xml', 'a.yaml'],
      {
        kind: 'usage-error',
        message: 'unknown format "xml"; use text or json',
      },
    ],
    [
      ['--fix', 'a.yaml'],
      { kind: 'usage-error', message: 'unknown option --fix' },
    ],
  ])('reads %j', (args, expected) => {
    expect(parseInnerSourceLintArgs(args)).toEqual(expected);
  });
});

describe('runInnerSourceLint', () => {
  it('exits with 0 and says so when there are no problems', async () => {
    expect(await run('good.yaml')).toEqual({
      code: 0,
      stdout:
        'component:default/good: score 100 (annotation checks only), level silver\n' +
        'no problems in 1 entity in 1 file\n',
      stderr: '',
    });
  });

  it('exits with 0 when there are only warnings', async () => {
    const { code, stdout } = await run('warned.yaml');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'warned.yaml:5:36 warning innersource/help-wanted-until the asks expired on 2030-01-01; update innersource/help-wanted-until to a future date, or remove the asks that are done',
      'warned.yaml:6:5 warning innersource/skils unknown InnerSource annotation; did you mean innersource/skills?',
      'component:default/warned: score 0 (annotation checks only), level —; failing: owner-is-team, description, docs, skills, chat, license',
      '0 errors and 2 warnings in 1 entity in 1 file',
      '',
    ]);
  });

  it('exits with 1 when there is an error', async () => {
    const { code, stdout } = await run('good.yaml', 'bad.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe(
      'bad.yaml:5:32 error innersource/response-time "two days" is not a duration; use e.g. "2d" or "48h"\n' +
        'component:default/good: score 100 (annotation checks only), level silver\n' +
        'component:default/bad: score 0 (annotation checks only), level —; failing: owner-is-team, description, docs, skills, chat, license\n' +
        '1 error and 0 warnings in 2 entities in 2 files\n',
    );
  });

  it('exits with 2 when a file cannot be read or is not YAML, and still checks the others', async () => {
    const { code, stdout, stderr } = await run(
      'missing.yaml',
      'broken.yaml',
      'bad.yaml',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^innersource-lint: missing\.yaml: cannot read the file \(ENOENT\)\ninnersource-lint: broken\.yaml:\d+:\d+: invalid YAML: .+\n$/,
    );
    expect(stdout).toContain('bad.yaml:5:32 error');
    expect(stdout).toContain(
      '1 error and 0 warnings in 1 entity in 1 file, and 2 files could not be checked\n',
    );
  });

  it('writes one JSON document with --format json', async () => {
    const { code, stdout, stderr } = await run(
      '--format',
      'json',
      'bad.yaml',
      'missing.yaml',
    );
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      files: [
        { file: 'bad.yaml', entities: 1 },
        {
          file: 'missing.yaml',
          entities: 0,
          failure: 'missing.yaml: cannot read the file (ENOENT)',
        },
      ],
      problems: [
        {
          file: 'bad.yaml',
          line: 5,
          column: 32,
          entity: 'component:default/bad',
          annotation: 'innersource/response-time',
          severity: 'error',
          message: '"two days" is not a duration',
          fix: 'use e.g. "2d" or "48h"',
        },
      ],
      scorecards: [
        {
          file: 'bad.yaml',
          entity: 'component:default/bad',
          score: 0,
          nextLevel: {
            id: 'bronze',
            blockingChecks: ['owner-is-team', 'description', 'docs', 'skills'],
            missingFacts: [],
          },
          results: expect.arrayContaining([
            {
              checkId: 'description',
              status: 'fail',
              evidence: 'metadata.description is not set',
            },
            {
              checkId: 'readme',
              status: 'not-reported',
              evidence: expect.stringContaining(
                'needs code-host data, and no code-host module is installed',
              ),
            },
          ]),
          unknownExemptions: [],
        },
      ],
      summary: {
        files: 2,
        entities: 1,
        errors: 1,
        warnings: 0,
        failedFiles: 1,
      },
    });
  });

  it('prints the usage with --help and exits with 0', async () => {
    expect(await run('--help')).toEqual({
      code: 0,
      stdout: INNERSOURCE_LINT_USAGE,
      stderr: '',
    });
  });

  it('exits with 2 and the usage on bad arguments', async () => {
    const { code, stdout, stderr } = await run();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `innersource-lint: no files given\n\n${INNERSOURCE_LINT_USAGE}`,
    );
  });
});
