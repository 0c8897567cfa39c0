import { evaluateCheck } from '../../__testUtils__/scorecardInput';
import { trustedCommittersCheck } from './catalogChecks';

const named = {
  'innersource/trusted-committers': 'user:jane-doe, group:payments',
};

describe('the trusted-committers check', () => {
  it('passes when every trusted committer exists in the catalog', () => {
    expect(
      evaluateCheck(trustedCommittersCheck, {
        annotations: named,
        catalog: {
          resolvedRefs: new Set([
            'User:default/Jane-Doe',
            'group:default/payments',
          ]),
        },
      }),
    ).toBe(
      'pass: 2 trusted committers, all in the catalog: user:default/jane-doe, group:default/payments',
    );
  });

  it('warns when only some of them exist', () => {
    expect(
      evaluateCheck(trustedCommittersCheck, {
        annotations: named,
        catalog: { resolvedRefs: new Set(['group:default/payments']) },
      }),
    ).toBe(
      'warn: 1 of 2 trusted committers exist; not in the catalog: user:default/jane-doe',
    );
  });

  it('fails when none of them exists', () => {
    expect(
      evaluateCheck(trustedCommittersCheck, {
        annotations: named,
        catalog: { resolvedRefs: new Set() },
      }),
    ).toBe(
      'fail: none of the trusted committers exists; not in the catalog: user:default/jane-doe, group:default/payments',
    );
  });

  it('fails when none is named', () => {
    expect(
      evaluateCheck(trustedCommittersCheck, {
        catalog: { resolvedRefs: new Set() },
      }),
    ).toBe('fail: no innersource/trusted-committers annotation');
  });

  it('is not reported without catalog data, or without the resolved refs', () => {
    expect(evaluateCheck(trustedCommittersCheck, { annotations: named })).toBe(
      'not-reported: needs catalog data, which was not given',
    );
    expect(
      evaluateCheck(trustedCommittersCheck, {
        annotations: named,
        catalog: { ownerKind: 'group' },
      }),
    ).toBe(
      'not-reported: 2 trusted committers named; which exist in the catalog was not reported',
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(trustedCommittersCheck, {
        annotations: {
          'innersource/scorecard-exempt':
            'trusted-committers: the whole team reviews',
        },
        catalog: { resolvedRefs: new Set() },
      }),
    ).toBe(
      'exempt (the whole team reviews): no innersource/trusted-committers annotation',
    );
  });
});
