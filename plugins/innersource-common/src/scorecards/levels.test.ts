import { DEFAULT_SCORECARD_LEVELS, levelOf } from './levels';
import { CheckResult, CheckStatus, ScorecardCheck } from './types';

function check(id: string, level: string): ScorecardCheck {
  return {
    id,
    level,
    title: id,
    weight: 1,
    description: '',
    remediation: '',
    needs: 'annotations',
  };
}

const CHECKS = [
  check('b1', 'bronze'),
  check('b2', 'bronze'),
  check('s1', 'silver'),
  check('s2', 'silver'),
  check('g1', 'gold'),
];

/** Results from a compact `{ b1: 'pass', … }`; checks not named have no result. */
function results(statuses: Record<string, CheckStatus>): CheckResult[] {
  return Object.entries(statuses).map(([checkId, status]) => ({
    checkId,
    status,
    evidence: '',
  }));
}

function standing(statuses: Record<string, CheckStatus>) {
  return levelOf(results(statuses), CHECKS, DEFAULT_SCORECARD_LEVELS);
}

describe('levelOf', () => {
  it('holds the top level when every check passes', () => {
    expect(
      standing({ b1: 'pass', b2: 'pass', s1: 'pass', s2: 'pass', g1: 'pass' }),
    ).toEqual({ level: 'gold' });
  });

  it('holds a level up to the first one with a failing check, and names the blockers', () => {
    expect(
      standing({ b1: 'pass', b2: 'pass', s1: 'fail', s2: 'fail', g1: 'pass' }),
    ).toEqual({
      level: 'bronze',
      nextLevel: {
        id: 'silver',
        blockingChecks: ['s1', 's2'],
        missingFacts: [],
      },
    });
  });

  it('lets a failure at a lower level block every level above it', () => {
    expect(
      standing({ b1: 'fail', b2: 'pass', s1: 'pass', s2: 'pass', g1: 'pass' }),
    ).toEqual({
      nextLevel: { id: 'bronze', blockingChecks: ['b1'], missingFacts: [] },
    });
  });

  it('counts warn as passing', () => {
    expect(
      standing({ b1: 'warn', b2: 'pass', s1: 'warn', s2: 'warn', g1: 'pass' }),
    ).toEqual({ level: 'gold' });
  });

  it('leaves not-applicable and exempt checks out', () => {
    expect(
      standing({
        b1: 'pass',
        b2: 'not-applicable',
        s1: 'exempt',
        s2: 'pass',
        g1: 'pass',
      }),
    ).toEqual({ level: 'gold' });
  });

  it('holds no level while one of its checks is not reported, naming the missing fact', () => {
    expect(
      standing({
        b1: 'pass',
        b2: 'not-reported',
        s1: 'pass',
        s2: 'pass',
        g1: 'pass',
      }),
    ).toEqual({
      nextLevel: { id: 'bronze', blockingChecks: ['b2'], missingFacts: ['b2'] },
    });
  });

  it('names failing checks and missing facts together, in the order of the checks', () => {
    expect(
      standing({
        b1: 'pass',
        b2: 'pass',
        s1: 'not-reported',
        s2: 'fail',
        g1: 'pass',
      }),
    ).toEqual({
      level: 'bronze',
      nextLevel: {
        id: 'silver',
        blockingChecks: ['s1', 's2'],
        missingFacts: ['s1'],
      },
    });
  });

  it('never holds gold on no evidence: every gold fact missing keeps it at silver', () => {
    expect(
      standing({
        b1: 'pass',
        b2: 'pass',
        s1: 'pass',
        s2: 'pass',
        g1: 'not-reported',
      }),
    ).toEqual({
      level: 'silver',
      nextLevel: { id: 'gold', blockingChecks: ['g1'], missingFacts: ['g1'] },
    });
  });

  it('treats a check without a result as not reported', () => {
    expect(
      standing({ b1: 'pass', b2: 'pass', s1: 'pass', s2: 'pass' }),
    ).toEqual({
      level: 'silver',
      nextLevel: { id: 'gold', blockingChecks: ['g1'], missingFacts: ['g1'] },
    });
  });

  it('leaves an optional check out while it is not reported, and counts it once it is', () => {
    const checks = CHECKS.map(c =>
      c.id === 'b2' ? { ...c, optional: true } : c,
    );
    const all = { b1: 'pass', s1: 'pass', s2: 'pass', g1: 'pass' } as const;
    const levels = DEFAULT_SCORECARD_LEVELS;
    expect(
      levelOf(results({ ...all, b2: 'not-reported' }), checks, levels),
    ).toEqual({ level: 'gold' });
    expect(levelOf(results({ ...all, b2: 'fail' }), checks, levels)).toEqual({
      nextLevel: { id: 'bronze', blockingChecks: ['b2'], missingFacts: [] },
    });
  });

  it('holds no level whose only checks are optional and not reported', () => {
    const checks = CHECKS.map(c =>
      c.level === 'gold' ? { ...c, optional: true } : c,
    );
    expect(
      levelOf(
        results({
          b1: 'pass',
          b2: 'pass',
          s1: 'pass',
          s2: 'pass',
          g1: 'not-reported',
        }),
        checks,
        DEFAULT_SCORECARD_LEVELS,
      ),
    ).toEqual({
      level: 'silver',
      nextLevel: { id: 'gold', blockingChecks: ['g1'], missingFacts: ['g1'] },
    });
  });

  it('climbs the levels by rank, whatever their order in the list', () => {
    const levels = [
      { id: 'pro', title: 'Pro', description: '', rank: 20 },
      { id: 'starter', title: 'Starter', description: '', rank: 10 },
    ];
    const checks = [check('a', 'starter'), check('b', 'pro')];
    expect(levelOf(results({ a: 'pass', b: 'fail' }), checks, levels)).toEqual({
      level: 'starter',
      nextLevel: { id: 'pro', blockingChecks: ['b'], missingFacts: [] },
    });
  });

  it('ignores checks of levels that do not exist, and has nothing to hold without levels', () => {
    expect(
      levelOf(
        results({ x: 'fail', b1: 'pass' }),
        [check('x', 'platinum'), check('b1', 'bronze')],
        DEFAULT_SCORECARD_LEVELS.slice(0, 1),
      ),
    ).toEqual({ level: 'bronze' });
    expect(levelOf(results({ b1: 'pass' }), CHECKS, [])).toEqual({});
  });
});
