import { INNERSOURCE_ANNOTATIONS } from '../../annotations/types';
import { ScorecardCheckDefinition } from '../types';
import {
  fail,
  listItems,
  missingAnnotation,
  notReported,
  pass,
  plural,
  warn,
} from './evidence';

// Checks that need facts from the catalog beyond the entity itself.

const A = INNERSOURCE_ANNOTATIONS;

export const trustedCommittersCheck: ScorecardCheckDefinition = {
  id: 'trusted-committers',
  title: 'Names trusted committers who exist',
  level: 'silver',
  weight: 2,
  needs: 'catalog',
  description:
    'innersource/trusted-committers names the users or groups who review and merge outside contributions, ' +
    'and every one of them exists in the catalog. It warns when only some of them exist.',
  remediation:
    'Add innersource/trusted-committers with the catalog refs of the reviewers, e.g. "user:jane-doe, group:payments", ' +
    'and fix or remove refs that are not in the catalog.',
  evaluate({ entity, profile, catalog }) {
    const named = profile.trustedCommitters;
    if (named.length === 0) {
      return fail(missingAnnotation(entity, A.trustedCommitters));
    }
    if (!catalog?.resolvedRefs) {
      return notReported(
        `${plural(
          named.length,
          'trusted committer',
        )} named; which exist in the catalog was not reported`,
      );
    }
    const known = new Set(
      [...catalog.resolvedRefs].map(ref => ref.toLocaleLowerCase('en-US')),
    );
    const missing = named.filter(
      ref => !known.has(ref.toLocaleLowerCase('en-US')),
    );
    if (missing.length === 0) {
      return pass(
        `${plural(
          named.length,
          'trusted committer',
        )}, all in the catalog: ${listItems(named)}`,
      );
    }
    const notFound = `not in the catalog: ${listItems(missing)}`;
    return missing.length === named.length
      ? fail(`none of the trusted committers exists; ${notFound}`)
      : warn(
          `${named.length - missing.length} of ${
            named.length
          } trusted committers exist; ${notFound}`,
        );
  },
};
