import { escapeUnsafeCharacters } from '../../annotations/quoteValue';
import { INNERSOURCE_ANNOTATIONS } from '../../annotations/types';
import { ScorecardCheckDefinition } from '../types';
import {
  fail,
  hours,
  listItems,
  notApplicable,
  notReported,
  pass,
  plural,
} from './evidence';

// Checks that need facts from the repository on the code host.

const A = INNERSOURCE_ANNOTATIONS;
const DAY_MS = 24 * 60 * 60 * 1000;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export const readmeCheck: ScorecardCheckDefinition = {
  id: 'readme',
  title: 'Has a README',
  level: 'bronze',
  weight: 3,
  needs: 'code-host',
  description:
    'The repository has a README: the first thing a possible contributor reads.',
  remediation:
    'Add a README.md: what the project does, how to run it, and where to ask.',
  evaluate({ codeHost }) {
    switch (codeHost?.hasReadme) {
      case true:
        return pass('the repository has a README');
      case false:
        return fail('the repository has no README');
      default:
        return notReported(
          'whether the repository has a README was not reported',
        );
    }
  },
};

export const codeownersCheck: ScorecardCheckDefinition = {
  id: 'codeowners',
  title: 'Has a CODEOWNERS file',
  level: 'silver',
  weight: 1,
  needs: 'code-host',
  description:
    'The repository has a CODEOWNERS file, so that outside pull requests get reviewers automatically.',
  remediation:
    'Add a CODEOWNERS file (e.g. .github/CODEOWNERS) that names the trusted committers.',
  evaluate({ codeHost }) {
    switch (codeHost?.hasCodeowners) {
      case true:
        return pass('the repository has a CODEOWNERS file');
      case false:
        return fail('the repository has no CODEOWNERS file');
      default:
        return notReported(
          'whether the repository has a CODEOWNERS file was not reported',
        );
    }
  },
};

export const goodFirstIssuesCheck: ScorecardCheckDefinition = {
  id: 'good-first-issues',
  title: 'Has open good-first issues',
  level: 'gold',
  weight: 2,
  needs: 'code-host',
  description:
    'There are open issues with one of the innersource/issue-labels (default "good first issue", "help wanted"), ' +
    'so a newcomer has somewhere to start. Entities that do not ask for contributions are not judged.',
  remediation:
    'Label a few small, well-described issues "good first issue" (or the labels in innersource/issue-labels).',
  evaluate({ profile, codeHost }) {
    if (!profile.contributionsWanted) {
      return notApplicable(`${A.contributionsWanted} is not "true"`);
    }
    const count = codeHost?.openGoodFirstIssues;
    const labels = listItems(profile.issueLabels.map(label => `"${label}"`));
    if (!isCount(count)) {
      return notReported(
        `the open issues labelled ${labels} were not reported`,
      );
    }
    const issues = `${plural(count, 'open issue')} labelled ${labels}`;
    return count > 0 ? pass(issues) : fail(issues);
  },
};

export const recentActivityCheck: ScorecardCheckDefinition = {
  id: 'recent-activity',
  title: 'Recently active',
  level: 'gold',
  weight: 2,
  needs: 'code-host',
  description:
    'The default branch has a commit from the last 90 days (innersource.scorecards.thresholds.activityDays); ' +
    'contributions to a dormant project wait a long time.',
  remediation:
    'If the project is finished, say so (spec.lifecycle, innersource/contributions-wanted: "false"); ' +
    'otherwise merge the pending work.',
  evaluate({ codeHost, now }, { activityDays }) {
    const at = codeHost?.lastCommitAt;
    if (at === null) {
      return fail('the default branch has no commits');
    }
    if (typeof at !== 'string') {
      return notReported('the time of the latest commit was not reported');
    }
    const time = Date.parse(at);
    if (Number.isNaN(time)) {
      return notReported(
        `the time of the latest commit, "${escapeUnsafeCharacters(
          at.slice(0, 40),
        )}", is not a date`,
      );
    }
    const days = Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
    const date = new Date(time).toISOString().slice(0, 10);
    const seen = `latest commit on ${date}, ${plural(days, 'day')} ago`;
    return days <= activityDays
      ? pass(seen)
      : fail(`${seen}, more than ${activityDays}`);
  },
};

export const responseTimeCheck: ScorecardCheckDefinition = {
  id: 'response-time',
  title: 'Answers contributions in time',
  level: 'gold',
  weight: 2,
  needs: 'code-host',
  description:
    'The measured median time to a first response on outside contributions is within the promise of ' +
    'innersource/response-time, or else within innersource.scorecards.thresholds.defaultResponseTimeHours. ' +
    'Without contributions to respond to, it is not judged.',
  remediation:
    'Have the trusted committers answer new contributions sooner (a first comment counts), ' +
    'or promise a response time the team can keep.',
  evaluate({ profile, codeHost }, { defaultResponseTimeHours }) {
    const median = codeHost?.medianFirstResponseHours;
    if (median === null) {
      return notApplicable('no outside contributions to respond to');
    }
    if (!isCount(median)) {
      return notReported('the time to first response was not reported');
    }
    const promise = profile.responseTime
      ? `promised ${hours(profile.responseTime.hours)} (${A.responseTime} "${
          profile.responseTime.text
        }")`
      : `the default ${hours(defaultResponseTimeHours)} (no ${A.responseTime})`;
    const limit = profile.responseTime?.hours ?? defaultResponseTimeHours;
    const seen = `median first response ${hours(median)}`;
    return median <= limit
      ? pass(`${seen}, within ${promise}`)
      : fail(`${seen}, over ${promise}`);
  },
};

export const outsideContributionsCheck: ScorecardCheckDefinition = {
  id: 'outside-contributions',
  title: 'Receives outside contributions',
  level: 'gold',
  weight: 3,
  needs: 'code-host',
  description:
    'People outside the owning team had contributions merged in the last 180 days ' +
    '(innersource.scorecards.thresholds.outsideContributionDays); the real InnerSource signal.',
  remediation:
    'Invite other teams: put concrete asks in innersource/help-wanted, label good first issues, ' +
    'and answer their pull requests quickly.',
  evaluate({ codeHost }, { outsideContributionDays }) {
    const count = codeHost?.outsideContributions;
    if (!isCount(count)) {
      return notReported(
        'contributions from outside the owning team were not reported',
      );
    }
    const seen = `${plural(
      count,
      'merged contribution',
    )} from outside the owning team in the last ${outsideContributionDays} days`;
    if (count > 0) {
      return pass(seen);
    }
    // Unknown authors are neither inside nor outside: say so rather than guess.
    const unknown = codeHost?.unknownContributions ?? 0;
    return fail(
      unknown > 0
        ? `${seen}; ${plural(
            unknown,
            'more was',
            'more were',
          )} by authors who map to no catalog user (add github.com/user-login or gitlab.com/user-login to their User entities)`
        : seen,
    );
  },
};
