module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Property-based tests assert inside fast-check's `fc.assert`.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*', 'fc.assert'] },
    ],
  },
});
