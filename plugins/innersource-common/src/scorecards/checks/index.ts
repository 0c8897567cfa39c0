import { ScorecardCheckDefinition } from '../types';
import {
  asksNotExpiredCheck,
  chatCheck,
  contributingCheck,
  licenseCheck,
  skillsCheck,
} from './annotationChecks';
import { trustedCommittersCheck } from './catalogChecks';
import {
  codeownersCheck,
  goodFirstIssuesCheck,
  outsideContributionsCheck,
  readmeCheck,
  recentActivityCheck,
  responseTimeCheck,
} from './codeHostChecks';
import {
  descriptionCheck,
  docsCheck,
  notDeprecatedCheck,
  ownerIsTeamCheck,
} from './entityChecks';

/**
 * The checks of `DESIGN.md`, by level (bronze, silver, gold) and, within a
 * level, roughly by importance. The README's checks table describes each.
 *
 * @public
 */
export const DEFAULT_SCORECARD_CHECKS: readonly ScorecardCheckDefinition[] = [
  ownerIsTeamCheck,
  descriptionCheck,
  readmeCheck,
  docsCheck,
  skillsCheck,
  notDeprecatedCheck,
  contributingCheck,
  chatCheck,
  trustedCommittersCheck,
  codeownersCheck,
  licenseCheck,
  asksNotExpiredCheck,
  goodFirstIssuesCheck,
  recentActivityCheck,
  responseTimeCheck,
  outsideContributionsCheck,
];
