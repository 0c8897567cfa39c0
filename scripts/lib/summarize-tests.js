// Prints the closing summary of scripts/test from the step list and the Jest and
// Playwright JSON reports, and exits non-zero when anything failed.
const fs = require('fs');
const path = require('path');

const [resultsDir, seconds] = process.argv.slice(2);
const readJson = file => {
  try {
    return JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  } catch {
    return undefined;
  }
};

const steps = fs
  .readFileSync(path.join(resultsDir, 'steps.txt'), 'utf8')
  .trim()
  .split('\n')
  .map(line => line.split(' '));

let passed = 0;
let failed = 0;
const lines = [];

const jest = readJson('jest.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
  lines.push(
    `jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed in ${jest.numTotalTestSuites} suites` +
      (jest.numRuntimeErrorTestSuites
        ? `, ${jest.numRuntimeErrorTestSuites} suites could not run`
        : ''),
  );
}

const e2e = readJson('e2e.json');
if (e2e) {
  const { expected = 0, unexpected = 0, flaky = 0 } = e2e.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  lines.push(
    `end-to-end: ${
      expected + flaky
    } passed (${flaky} flaky), ${unexpected} failed`,
  );
}

// Static checks count as one test each; a step that failed without a report counts once.
for (const [name, status] of steps) {
  const hasReport = (name === 'jest' && jest) || (name === 'e2e' && e2e);
  if (hasReport) {
    if (status === 'fail' && failed === 0) failed += 1;
    continue;
  }
  if (status === 'pass') passed += 1;
  else failed += 1;
}

const failures = [
  ...(jest?.testResults ?? []).flatMap(suite => [
    ...(suite.status === 'failed' && suite.assertionResults.length === 0
      ? [
          `${path.relative(process.cwd(), suite.name)}: ${
            suite.message.split('\n').find(Boolean) ?? 'could not run'
          }`,
        ]
      : []),
    ...suite.assertionResults
      .filter(test => test.status === 'failed')
      .map(
        test => `${path.relative(process.cwd(), suite.name)}: ${test.fullName}`,
      ),
  ]),
  ...(e2e?.suites ?? []).flatMap(function specsOf(suite) {
    return [
      ...(suite.specs ?? [])
        .filter(spec => !spec.ok)
        .map(spec => `${spec.file}: ${spec.title}`),
      ...(suite.suites ?? []).flatMap(specsOf),
    ];
  }),
];
if (failures.length > 0) {
  console.log('failed:');
  for (const failure of failures) console.log(`  ${failure}`);
}
for (const line of lines) console.log(line);
console.log(`took ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
