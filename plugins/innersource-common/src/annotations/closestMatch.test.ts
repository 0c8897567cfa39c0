import { closestMatch, editDistance } from './closestMatch';

describe('editDistance', () => {
  it.each([
    ['skills', 'skills', 0],
    ['skils', 'skills', 1],
    ['skilsl', 'skills', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('between %j and %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestMatch', () => {
  const keys = ['skills', 'chat', 'license', 'contribution-types'];

  it('suggests a close candidate, ignoring case', () => {
    expect(closestMatch('skils', keys)).toBe('skills');
    expect(closestMatch('Licence', keys)).toBe('license');
    expect(closestMatch('contribution-type', keys)).toBe('contribution-types');
  });

  it('suggests nothing for distant, empty or very long input', () => {
    expect(closestMatch('favourite-colour', keys)).toBeUndefined();
    expect(closestMatch('', keys)).toBeUndefined();
    expect(closestMatch('skills'.repeat(20), keys)).toBeUndefined();
  });

  it('is strict with very short input', () => {
    expect(closestMatch('ok', ['ops'])).toBeUndefined();
    expect(closestMatch('op', ['ops'])).toBe('ops');
  });
});
