import { scoreOf } from './score';
import { CheckResult, CheckStatus, ScorecardCheck } from './types';

function checks(weights: Record<string, number>): ScorecardCheck[] {
  return Object.entries(weights).map(([id, weight]) => ({
    id,
    weight,
    level: 'bronze',
    title: id,
    description: '',
    remediation: '',
    needs: 'annotations',
  }));
}

function results(statuses: Record<string, CheckStatus>): CheckResult[] {
  return Object.entries(statuses).map(([checkId, status]) => ({
    checkId,
    status,
    evidence: '',
  }));
}

describe('scoreOf', () => {
  it('is the weighted share of the applicable checks that pass', () => {
    expect(
      scoreOf(
        results({ a: 'pass', b: 'fail', c: 'pass' }),
        checks({ a: 3, b: 1, c: 1 }),
      ),
    ).toBe(80);
  });

  it('is 100 when every applicable check passes, and 0 when none does', () => {
    const weights = checks({ a: 2, b: 1 });
    expect(scoreOf(results({ a: 'pass', b: 'pass' }), weights)).toBe(100);
    expect(scoreOf(results({ a: 'fail', b: 'fail' }), weights)).toBe(0);
  });

  it('gives a warn half its weight', () => {
    expect(
      scoreOf(results({ a: 'warn', b: 'fail' }), checks({ a: 1, b: 1 })),
    ).toBe(25);
    expect(
      scoreOf(results({ a: 'warn', b: 'pass' }), checks({ a: 2, b: 2 })),
    ).toBe(75);
  });

  it('leaves not-applicable, exempt and not-reported checks out of both sides', () => {
    expect(
      scoreOf(
        results({
          a: 'pass',
          b: 'fail',
          c: 'not-applicable',
          d: 'exempt',
          e: 'not-reported',
        }),
        checks({ a: 1, b: 1, c: 5, d: 5, e: 5 }),
      ),
    ).toBe(50);
  });

  it('is null, not 0 or 100, when no check is applicable', () => {
    expect(
      scoreOf(
        results({ a: 'not-reported', b: 'exempt', c: 'not-applicable' }),
        checks({ a: 1, b: 1, c: 1 }),
      ),
    ).toBeNull();
    expect(scoreOf([], [])).toBeNull();
  });

  it('rounds to a whole number', () => {
    expect(
      scoreOf(
        results({ a: 'pass', b: 'fail', c: 'fail' }),
        checks({ a: 1, b: 1, c: 1 }),
      ),
    ).toBe(33);
    expect(
      scoreOf(
        results({ a: 'pass', b: 'pass', c: 'fail' }),
        checks({ a: 1, b: 1, c: 1 }),
      ),
    ).toBe(67);
  });

  it('keeps 100 for all passing and 0 for nothing earned, however the rounding falls', () => {
    expect(
      scoreOf(results({ a: 'pass', b: 'fail' }), checks({ a: 999, b: 1 })),
    ).toBe(99);
    expect(
      scoreOf(results({ a: 'pass', b: 'fail' }), checks({ a: 1, b: 999 })),
    ).toBe(1);
  });

  it('ignores results of checks it does not know', () => {
    expect(
      scoreOf(results({ a: 'pass', ghost: 'fail' }), checks({ a: 1 })),
    ).toBe(100);
  });
});
