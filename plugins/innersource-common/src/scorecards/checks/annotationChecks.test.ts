import { evaluateCheck, NOW } from '../../__testUtils__/scorecardInput';
import {
  asksNotExpiredCheck,
  chatCheck,
  contributingCheck,
  licenseCheck,
  skillsCheck,
} from './annotationChecks';

const REASON = 'innersource/scorecard-exempt';

describe('the skills check', () => {
  it('passes with skills listed, naming a few', () => {
    expect(
      evaluateCheck(skillsCheck, {
        annotations: { 'innersource/skills': 'kotlin, java, spring-boot' },
      }),
    ).toBe('pass: 3 skills: kotlin, java, spring-boot');
    expect(
      evaluateCheck(skillsCheck, {
        annotations: { 'innersource/skills': 'a, b, c, d, e, f, g' },
      }),
    ).toBe('pass: 7 skills: a, b, c, d, e and 2 more');
  });

  it('fails without skills, telling an absent from an unreadable annotation', () => {
    expect(evaluateCheck(skillsCheck)).toBe(
      'fail: no innersource/skills annotation',
    );
    expect(
      evaluateCheck(skillsCheck, {
        annotations: { 'innersource/skills': ' ' },
      }),
    ).toBe(
      'fail: innersource/skills is set but could not be read (see its annotation problems)',
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(skillsCheck, {
        annotations: { [REASON]: 'skills: it is a docs-only repository' },
      }),
    ).toBe(
      'exempt (it is a docs-only repository): no innersource/skills annotation',
    );
  });
});

describe('the contributing check', () => {
  it('passes with innersource/contributing, a path or a URL', () => {
    expect(
      evaluateCheck(contributingCheck, {
        annotations: { 'innersource/contributing': 'docs/CONTRIBUTING.md' },
      }),
    ).toBe('pass: innersource/contributing points to "docs/CONTRIBUTING.md"');
    expect(
      evaluateCheck(contributingCheck, {
        annotations: {
          'innersource/contributing': 'https://docs.example/contributing',
        },
      }),
    ).toBe(
      'pass: innersource/contributing points to "https://docs.example/contributing"',
    );
  });

  it('passes without the annotation when the code host finds a CONTRIBUTING.md', () => {
    expect(
      evaluateCheck(contributingCheck, {
        codeHost: { hasContributingFile: true },
      }),
    ).toBe(
      'pass: no innersource/contributing annotation, but the repository has a CONTRIBUTING.md',
    );
  });

  it('fails when neither the annotation nor the file is there', () => {
    expect(
      evaluateCheck(contributingCheck, {
        codeHost: { hasContributingFile: false },
      }),
    ).toBe(
      'fail: no innersource/contributing annotation, and the repository has no CONTRIBUTING.md',
    );
  });

  it('is not reported, rather than failed, when the code host was not asked', () => {
    expect(evaluateCheck(contributingCheck)).toBe(
      'not-reported: no innersource/contributing annotation; whether the repository has a CONTRIBUTING.md was not reported',
    );
    expect(evaluateCheck(contributingCheck, { codeHost: {} })).toMatch(
      /^not-reported: /,
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(contributingCheck, {
        annotations: { [REASON]: 'contributing: see the company handbook' },
      }),
    ).toMatch(/^exempt \(see the company handbook\): no innersource/);
  });
});

describe('the chat check', () => {
  it('passes with a channel or a link', () => {
    expect(
      evaluateCheck(chatCheck, {
        annotations: { 'innersource/chat': '#payments-dev' },
      }),
    ).toBe('pass: innersource/chat is "#payments-dev"');
    expect(
      evaluateCheck(chatCheck, {
        annotations: { 'innersource/chat': 'https://chat.example/c/1' },
      }),
    ).toBe('pass: innersource/chat is "https://chat.example/c/1"');
  });

  it('fails without a usable chat', () => {
    expect(evaluateCheck(chatCheck)).toBe(
      'fail: no innersource/chat annotation',
    );
    expect(
      evaluateCheck(chatCheck, {
        annotations: { 'innersource/chat': 'data:text/html,<b>x</b>' },
      }),
    ).toBe(
      'fail: innersource/chat is set but could not be read (see its annotation problems)',
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(chatCheck, {
        annotations: { [REASON]: 'chat: we answer in the issues' },
      }),
    ).toBe('exempt (we answer in the issues): no innersource/chat annotation');
  });
});

describe('the license check', () => {
  it('passes with internal, an SPDX id or a link', () => {
    const license = (value: string) =>
      evaluateCheck(licenseCheck, {
        annotations: { 'innersource/license': value },
      });
    expect(license('internal')).toBe('pass: innersource/license is "internal"');
    expect(license('Apache-2.0')).toBe(
      'pass: innersource/license is "Apache-2.0"',
    );
    expect(license('https://legal.example/terms')).toBe(
      'pass: innersource/license is "https://legal.example/terms"',
    );
  });

  it('fails without a license', () => {
    expect(evaluateCheck(licenseCheck)).toBe(
      'fail: no innersource/license annotation',
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(licenseCheck, {
        annotations: { [REASON]: 'license: covered by the monorepo license' },
      }),
    ).toBe(
      'exempt (covered by the monorepo license): no innersource/license annotation',
    );
  });
});

describe('the asks-not-expired check', () => {
  const asks = (until?: string) => ({
    annotations: {
      'innersource/help-wanted': '[code] Add Klarna; [docs] Write a quickstart',
      ...(until ? { 'innersource/help-wanted-until': until } : {}),
    },
  });

  it('passes while the asks are valid for more than 14 days', () => {
    expect(evaluateCheck(asksNotExpiredCheck, asks('2035-12-31'))).toBe(
      'pass: 2 asks, valid until 2035-12-31',
    );
  });

  it('warns within 14 days of the date, and on the day itself', () => {
    expect(evaluateCheck(asksNotExpiredCheck, asks('2030-06-29'))).toBe(
      'warn: 2 asks, expiring on 2030-06-29 (in 14 days)',
    );
    expect(evaluateCheck(asksNotExpiredCheck, asks('2030-06-15'))).toBe(
      'warn: 2 asks, expiring on 2030-06-15 (today)',
    );
  });

  it('warns about asks without a date, which nothing marks as stale', () => {
    expect(evaluateCheck(asksNotExpiredCheck, asks())).toBe(
      'warn: 2 asks; no innersource/help-wanted-until annotation, so nothing marks them as stale',
    );
    expect(evaluateCheck(asksNotExpiredCheck, asks('next friday'))).toBe(
      'warn: 2 asks; innersource/help-wanted-until is set but could not be read (see its annotation problems), so nothing marks them as stale',
    );
  });

  it('fails once the date has passed', () => {
    expect(evaluateCheck(asksNotExpiredCheck, asks('2030-06-14'))).toBe(
      'fail: 2 asks, expired on 2030-06-14',
    );
  });

  it('judges expiry against the scorecard time, not the time of parsing', () => {
    expect(
      evaluateCheck(asksNotExpiredCheck, {
        ...asks('2030-06-20'),
        now: new Date(NOW.getTime() + 30 * 24 * 3600 * 1000),
      }),
    ).toBe('fail: 2 asks, expired on 2030-06-20');
  });

  it('does not apply without asks', () => {
    expect(
      evaluateCheck(asksNotExpiredCheck, {
        annotations: { 'innersource/help-wanted-until': '2020-01-01' },
      }),
    ).toBe('not-applicable: no innersource/help-wanted asks');
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(asksNotExpiredCheck, {
        annotations: {
          ...asks('2020-01-01').annotations,
          [REASON]: 'asks-not-expired: the asks are evergreen',
        },
      }),
    ).toBe('exempt (the asks are evergreen): 2 asks, expired on 2020-01-01');
  });
});
