import { quoteValue } from '../../annotations/quoteValue';
import {
  HELP_WANTED_EXPIRY_WARNING_DAYS,
  INNERSOURCE_ANNOTATIONS,
  InnerSourceChat,
  InnerSourceLicense,
  InnerSourceLink,
} from '../../annotations/types';
import { daysLeftUntil } from '../../annotations/values/date';
import { ScorecardCheckDefinition } from '../types';
import {
  fail,
  listItems,
  missingAnnotation,
  notApplicable,
  notReported,
  pass,
  plural,
  warn,
} from './evidence';

// Checks that read the innersource/* annotations through the parsed profile.

const A = INNERSOURCE_ANNOTATIONS;

function describeLink(link: InnerSourceLink): string {
  return quoteValue(link.type === 'url' ? link.url : link.path);
}

function describeChat(chat: InnerSourceChat): string {
  return quoteValue(chat.type === 'url' ? chat.url : chat.name);
}

function describeLicense(license: InnerSourceLicense): string {
  switch (license.type) {
    case 'internal':
      return '"internal"';
    case 'spdx':
      return quoteValue(license.id);
    default:
      return quoteValue(license.url);
  }
}

export const skillsCheck: ScorecardCheckDefinition = {
  id: 'skills',
  title: 'Lists the skills needed',
  level: 'bronze',
  weight: 1,
  needs: 'annotations',
  description:
    'innersource/skills names what a contributor needs to know, so that the help-wanted board can match people to projects.',
  remediation: 'Add innersource/skills, e.g. "typescript, react, postgresql".',
  evaluate({ entity, profile }) {
    const { skills } = profile;
    return skills.length > 0
      ? pass(`${plural(skills.length, 'skill')}: ${listItems(skills)}`)
      : fail(missingAnnotation(entity, A.skills));
  },
};

export const contributingCheck: ScorecardCheckDefinition = {
  id: 'contributing',
  title: 'Has a contribution guide',
  level: 'silver',
  weight: 3,
  needs: 'annotations',
  description:
    'A newcomer finds how to build, test and propose a change: innersource/contributing, or else a CONTRIBUTING.md ' +
    'in the repository (which only the code host can tell).',
  remediation:
    'Write a CONTRIBUTING.md (how to build, test, propose a change, who reviews) and point innersource/contributing at it.',
  evaluate({ entity, profile, codeHost }) {
    if (profile.contributing) {
      return pass(
        `${A.contributing} points to ${describeLink(profile.contributing)}`,
      );
    }
    const missing = missingAnnotation(entity, A.contributing);
    switch (codeHost?.hasContributingFile) {
      case true:
        return pass(`${missing}, but the repository has a CONTRIBUTING.md`);
      case false:
        return fail(`${missing}, and the repository has no CONTRIBUTING.md`);
      default:
        return notReported(
          `${missing}; whether the repository has a CONTRIBUTING.md was not reported`,
        );
    }
  },
};

export const chatCheck: ScorecardCheckDefinition = {
  id: 'chat',
  title: 'Names a place to talk',
  level: 'silver',
  weight: 2,
  needs: 'annotations',
  description:
    'innersource/chat says where to ask the maintainers before and while contributing.',
  remediation:
    'Add innersource/chat with a channel ("#payments-dev") or an https link to it.',
  evaluate({ entity, profile }) {
    return profile.chat
      ? pass(`${A.chat} is ${describeChat(profile.chat)}`)
      : fail(missingAnnotation(entity, A.chat));
  },
};

export const licenseCheck: ScorecardCheckDefinition = {
  id: 'license',
  title: 'Names its InnerSource license',
  level: 'silver',
  weight: 1,
  needs: 'annotations',
  description:
    'innersource/license says on which terms other teams may use and change the code.',
  remediation:
    'Add innersource/license: "internal" (the company\'s InnerSource terms), an SPDX id, or a link to the terms.',
  evaluate({ entity, profile }) {
    return profile.license
      ? pass(`${A.license} is ${describeLicense(profile.license)}`)
      : fail(missingAnnotation(entity, A.license));
  },
};

export const asksNotExpiredCheck: ScorecardCheckDefinition = {
  id: 'asks-not-expired',
  title: 'Asks are current',
  level: 'silver',
  weight: 1,
  needs: 'annotations',
  description:
    `The help-wanted asks have an innersource/help-wanted-until date that has not passed. It warns within ` +
    `${HELP_WANTED_EXPIRY_WARNING_DAYS} days of that date, and for asks without a date, which nothing marks as stale. ` +
    'Entities without asks are not judged.',
  remediation:
    'Remove the asks that are done and set innersource/help-wanted-until to the date until which the rest are valid.',
  evaluate({ entity, profile, now }) {
    const asks = plural(profile.asks.length, 'ask');
    if (profile.asks.length === 0) {
      return notApplicable(`no ${A.helpWanted} asks`);
    }
    const until = profile.asksValidUntil;
    const daysLeft =
      until === undefined ? undefined : daysLeftUntil(until, now);
    if (until === undefined || daysLeft === undefined) {
      return warn(
        `${asks}; ${missingAnnotation(
          entity,
          A.helpWantedUntil,
        )}, so nothing marks them as stale`,
      );
    }
    if (daysLeft < 0) {
      return fail(`${asks}, expired on ${until}`);
    }
    if (daysLeft <= HELP_WANTED_EXPIRY_WARNING_DAYS) {
      const when = daysLeft === 0 ? 'today' : `in ${plural(daysLeft, 'day')}`;
      return warn(`${asks}, expiring on ${until} (${when})`);
    }
    return pass(`${asks}, valid until ${until}`);
  },
};
