import fc from 'fast-check';
import { lowerCase } from './lowerCase';

describe('lowerCase', () => {
  it('lower-cases exactly like toLocaleLowerCase("en-US"), for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        expect(lowerCase(text)).toBe(text.toLocaleLowerCase('en-US'));
      }),
    );
    expect(lowerCase('Component:Default/ÄRGER-İ')).toBe(
      'Component:Default/ÄRGER-İ'.toLocaleLowerCase('en-US'),
    );
  });
});
