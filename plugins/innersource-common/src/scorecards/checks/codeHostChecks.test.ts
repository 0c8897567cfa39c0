import { evaluateCheck } from '../../__testUtils__/scorecardInput';
import {
  codeownersCheck,
  goodFirstIssuesCheck,
  outsideContributionsCheck,
  readmeCheck,
  recentActivityCheck,
  responseTimeCheck,
} from './codeHostChecks';

/** Without code-host facts or a reason, the evidence says that no code-host module is installed. */
const noCodeHost = (checkId: string) =>
  'not-reported: needs code-host data, and no code-host module is installed: add ' +
  '@innersource/backstage-plugin-innersource-backend-module-github or ' +
  '@innersource/backstage-plugin-innersource-backend-module-gitlab to the backend, ' +
  `or set innersource.scorecards.checks.${checkId}.optional: true so that it does not hold levels back`;
const wanted = { 'innersource/contributions-wanted': 'true' };
const exempt = (checkId: string) => ({
  'innersource/scorecard-exempt': `${checkId}: agreed with the platform team`,
});

describe('the readme check', () => {
  it('passes, fails or is not reported as the code host says', () => {
    expect(evaluateCheck(readmeCheck, { codeHost: { hasReadme: true } })).toBe(
      'pass: the repository has a README',
    );
    expect(evaluateCheck(readmeCheck, { codeHost: { hasReadme: false } })).toBe(
      'fail: the repository has no README',
    );
    expect(evaluateCheck(readmeCheck, { codeHost: {} })).toBe(
      'not-reported: whether the repository has a README was not reported',
    );
    expect(evaluateCheck(readmeCheck)).toBe(noCodeHost('readme'));
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(readmeCheck, {
        annotations: exempt('readme'),
        codeHost: { hasReadme: false },
      }),
    ).toBe(
      'exempt (agreed with the platform team): the repository has no README',
    );
  });
});

describe('the codeowners check', () => {
  it('passes, fails or is not reported as the code host says', () => {
    expect(
      evaluateCheck(codeownersCheck, { codeHost: { hasCodeowners: true } }),
    ).toBe('pass: the repository has a CODEOWNERS file');
    expect(
      evaluateCheck(codeownersCheck, { codeHost: { hasCodeowners: false } }),
    ).toBe('fail: the repository has no CODEOWNERS file');
    expect(evaluateCheck(codeownersCheck, { codeHost: {} })).toBe(
      'not-reported: whether the repository has a CODEOWNERS file was not reported',
    );
    expect(evaluateCheck(codeownersCheck)).toBe(noCodeHost('codeowners'));
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(codeownersCheck, {
        annotations: exempt('codeowners'),
        codeHost: {},
      }),
    ).toBe(
      'exempt (agreed with the platform team): whether the repository has a CODEOWNERS file was not reported',
    );
  });
});

describe('the good-first-issues check', () => {
  it('passes with open issues carrying the labels', () => {
    expect(
      evaluateCheck(goodFirstIssuesCheck, {
        annotations: wanted,
        codeHost: { openGoodFirstIssues: 4 },
      }),
    ).toBe('pass: 4 open issues labelled "good first issue", "help wanted"');
    expect(
      evaluateCheck(goodFirstIssuesCheck, {
        annotations: { ...wanted, 'innersource/issue-labels': 'starter' },
        codeHost: { openGoodFirstIssues: 1 },
      }),
    ).toBe('pass: 1 open issue labelled "starter"');
  });

  it('fails with none open', () => {
    expect(
      evaluateCheck(goodFirstIssuesCheck, {
        annotations: wanted,
        codeHost: { openGoodFirstIssues: 0 },
      }),
    ).toBe('fail: 0 open issues labelled "good first issue", "help wanted"');
  });

  it('does not apply when the entity does not ask for contributions', () => {
    expect(
      evaluateCheck(goodFirstIssuesCheck, {
        codeHost: { openGoodFirstIssues: 0 },
      }),
    ).toBe('not-applicable: innersource/contributions-wanted is not "true"');
  });

  it('is not reported without the count', () => {
    expect(
      evaluateCheck(goodFirstIssuesCheck, {
        annotations: wanted,
        codeHost: { openGoodFirstIssues: Number.NaN },
      }),
    ).toBe(
      'not-reported: the open issues labelled "good first issue", "help wanted" were not reported',
    );
    expect(evaluateCheck(goodFirstIssuesCheck, { annotations: wanted })).toBe(
      noCodeHost('good-first-issues'),
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(goodFirstIssuesCheck, {
        annotations: { ...wanted, ...exempt('good-first-issues') },
        codeHost: { openGoodFirstIssues: 0 },
      }),
    ).toMatch(/^exempt \(agreed with the platform team\): 0 open issues/);
  });
});

describe('the recent-activity check', () => {
  it('passes with a commit within 90 days', () => {
    expect(
      evaluateCheck(recentActivityCheck, {
        codeHost: { lastCommitAt: '2030-03-17T12:00:00Z' },
      }),
    ).toBe('pass: latest commit on 2030-03-17, 90 days ago');
  });

  it('fails when the latest commit is older', () => {
    expect(
      evaluateCheck(recentActivityCheck, {
        codeHost: { lastCommitAt: '2030-03-16T11:00:00Z' },
      }),
    ).toBe('fail: latest commit on 2030-03-16, 91 days ago, more than 90');
  });

  it('uses the configured number of days', () => {
    expect(
      evaluateCheck(
        recentActivityCheck,
        { codeHost: { lastCommitAt: '2030-06-01T00:00:00Z' } },
        { activityDays: 7 },
      ),
    ).toBe('fail: latest commit on 2030-06-01, 14 days ago, more than 7');
  });

  it('is not reported without a usable time', () => {
    expect(evaluateCheck(recentActivityCheck, { codeHost: {} })).toBe(
      'not-reported: the time of the latest commit was not reported',
    );
    expect(
      evaluateCheck(recentActivityCheck, {
        codeHost: { lastCommitAt: 'yesterday' },
      }),
    ).toBe(
      'not-reported: the time of the latest commit, "yesterday", is not a date',
    );
    expect(evaluateCheck(recentActivityCheck)).toBe(
      noCodeHost('recent-activity'),
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(recentActivityCheck, {
        annotations: exempt('recent-activity'),
        codeHost: { lastCommitAt: '2020-01-01T00:00:00Z' },
      }),
    ).toMatch(
      /^exempt \(agreed with the platform team\): latest commit on 2020-01-01/,
    );
  });
});

describe('the response-time check', () => {
  const promised = { 'innersource/response-time': '2d' };

  it('passes within the promise', () => {
    expect(
      evaluateCheck(responseTimeCheck, {
        annotations: promised,
        codeHost: { medianFirstResponseHours: 47.96 },
      }),
    ).toBe(
      'pass: median first response 48 h, within promised 48 h (innersource/response-time "2d")',
    );
  });

  it('fails over the promise', () => {
    expect(
      evaluateCheck(responseTimeCheck, {
        annotations: promised,
        codeHost: { medianFirstResponseHours: 50.25 },
      }),
    ).toBe(
      'fail: median first response 50.3 h, over promised 48 h (innersource/response-time "2d")',
    );
  });

  it('holds the entity to the configured default without a promise', () => {
    expect(
      evaluateCheck(responseTimeCheck, {
        codeHost: { medianFirstResponseHours: 70 },
      }),
    ).toBe(
      'pass: median first response 70 h, within the default 72 h (no innersource/response-time)',
    );
    expect(
      evaluateCheck(
        responseTimeCheck,
        { codeHost: { medianFirstResponseHours: 70 } },
        { defaultResponseTimeHours: 24 },
      ),
    ).toBe(
      'fail: median first response 70 h, over the default 24 h (no innersource/response-time)',
    );
  });

  it('does not apply when there was nothing to respond to', () => {
    expect(
      evaluateCheck(responseTimeCheck, {
        codeHost: { medianFirstResponseHours: null },
      }),
    ).toBe('not-applicable: no outside contributions to respond to');
  });

  it('is not reported without a measurement', () => {
    expect(evaluateCheck(responseTimeCheck, { codeHost: {} })).toBe(
      'not-reported: the time to first response was not reported',
    );
    expect(evaluateCheck(responseTimeCheck)).toBe(noCodeHost('response-time'));
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(responseTimeCheck, {
        annotations: exempt('response-time'),
        codeHost: { medianFirstResponseHours: 500 },
      }),
    ).toMatch(
      /^exempt \(agreed with the platform team\): median first response 500 h/,
    );
  });
});

describe('the outside-contributions check', () => {
  it('passes with contributions from outside the owning team', () => {
    expect(
      evaluateCheck(outsideContributionsCheck, {
        codeHost: { outsideContributions: 3 },
      }),
    ).toBe(
      'pass: 3 merged contributions from outside the owning team in the last 180 days',
    );
  });

  it('fails without any, naming the configured window', () => {
    expect(
      evaluateCheck(
        outsideContributionsCheck,
        { codeHost: { outsideContributions: 0 } },
        { outsideContributionDays: 90 },
      ),
    ).toBe(
      'fail: 0 merged contributions from outside the owning team in the last 90 days',
    );
  });

  it('is not reported without the count', () => {
    expect(
      evaluateCheck(outsideContributionsCheck, {
        codeHost: { outsideContributions: -1 },
      }),
    ).toBe(
      'not-reported: contributions from outside the owning team were not reported',
    );
    expect(evaluateCheck(outsideContributionsCheck)).toBe(
      noCodeHost('outside-contributions'),
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(outsideContributionsCheck, {
        annotations: exempt('outside-contributions'),
        codeHost: { outsideContributions: 0 },
      }),
    ).toBe(
      'exempt (agreed with the platform team): 0 merged contributions from outside the owning team in the last 180 days',
    );
  });
});
