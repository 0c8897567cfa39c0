import { escapeUnsafeCharacters, quoteValue } from './quoteValue';

describe('quoteValue', () => {
  it('wraps a value in double quotes', () => {
    expect(quoteValue('two days')).toBe('"two days"');
  });

  it('escapes quotes and backslashes so the quoted text stays unambiguous', () => {
    expect(quoteValue('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
  });

  it('escapes line breaks, control, zero-width and bidi characters', () => {
    expect(
      quoteValue('a\nb\r\tc\u0000\u001b[31m\u200b\u202e\u2066\ufeff'),
    ).toBe('"a\\nb\\r\\tc\\u0000\\u001b[31m\\u200b\\u202e\\u2066\\ufeff"');
  });

  it('cuts values longer than 80 characters, without splitting a surrogate pair', () => {
    const quoted = quoteValue('𝕏'.repeat(100));
    expect(quoted).toBe(`"${'𝕏'.repeat(80)}…"`);
    expect(quoteValue('a'.repeat(80))).toBe(`"${'a'.repeat(80)}"`);
  });

  it('leaves markup as plain text for the UI to render as text', () => {
    expect(quoteValue('<b>x</b>')).toBe('"<b>x</b>"');
  });
});

describe('escapeUnsafeCharacters', () => {
  it('leaves ordinary unicode text alone', () => {
    expect(escapeUnsafeCharacters('équipe — チーム ✓')).toBe(
      'équipe — チーム ✓',
    );
  });
});
