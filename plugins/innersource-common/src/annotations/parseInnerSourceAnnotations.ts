import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import { closestMatch } from './closestMatch';
import { annotationsOf } from './entityPredicates';
import { createProblemReporter, ProblemReporter } from './problems';
import { escapeUnsafeCharacters } from './quoteValue';
import {
  AnnotationProblem,
  DEFAULT_ISSUE_LABELS,
  INNERSOURCE_ANNOTATION_PREFIX,
  INNERSOURCE_ANNOTATIONS,
  InnerSourceAnnotationKey,
  InnerSourceProfile,
  ParsedInnerSourceAnnotations,
  ParseInnerSourceAnnotationsOptions,
} from './types';
import { readAsks } from './values/asks';
import { readTrustedCommitters } from './values/committers';
import { readExpiryDate } from './values/date';
import { readDuration } from './values/duration';
import { readExemptions } from './values/exemptions';
import { readFlag } from './values/flag';
import { readChat, readContributingLink } from './values/links';
import { readLicense } from './values/license';
import { readContributionTypes, readList } from './values/lists';
import { truncateText } from './values/text';

const A = INNERSOURCE_ANNOTATIONS;

/**
 * A well-formed example value of every annotation, as the README's table shows it;
 * used in fixes ("quote the value, e.g. …") and handy for UI hints.
 *
 * @public
 */
export const INNERSOURCE_ANNOTATION_EXAMPLES: Readonly<
  Record<InnerSourceAnnotationKey, string>
> = {
  [A.contributionsWanted]: 'true',
  [A.helpWanted]: '[docs] Write a Kotlin quickstart',
  [A.helpWantedUntil]: '2035-12-31',
  [A.skills]: 'typescript, kotlin, react',
  [A.contributionTypes]: 'code, docs, tests',
  [A.issueLabels]: 'good first issue, help wanted',
  [A.contributing]: 'CONTRIBUTING.md',
  [A.chat]: '#payments-dev',
  [A.trustedCommitters]: 'user:jane-doe, group:payments',
  [A.responseTime]: '2d',
  [A.warranty]: '30d',
  [A.license]: 'internal',
  [A.scorecardExempt]: 'codeowners: two maintainers review every change',
};

/** One annotation's problems beyond this number are summarised in one line. */
const MAX_PROBLEMS_PER_ANNOTATION = 20;
/** Unknown keys are shown this long at most. */
const MAX_KEY_LENGTH = 100;

type ReaderContext = {
  now: Date;
  namespace: string;
  report: ProblemReporter;
};

type AnnotationReader = (
  value: string,
  profile: InnerSourceProfile,
  context: ReaderContext,
) => void;

const READERS = new Map<string, AnnotationReader>([
  [
    A.contributionsWanted,
    (value, profile, { report }) => {
      profile.contributionsWanted = readFlag(value, report) ?? false;
    },
  ],
  [
    A.helpWanted,
    (value, profile, { report }) => {
      profile.asks = readAsks(value, report);
    },
  ],
  [
    A.helpWantedUntil,
    (value, profile, { now, report }) => {
      const expiry = readExpiryDate(value, now, report);
      if (expiry) {
        profile.asksValidUntil = expiry.date;
        profile.asksExpired = expiry.expired;
      }
    },
  ],
  [
    A.skills,
    (value, profile, { report }) => {
      profile.skills = readList(value, report);
    },
  ],
  [
    A.contributionTypes,
    (value, profile, { report }) => {
      profile.contributionTypes = readContributionTypes(value, report);
    },
  ],
  [
    A.issueLabels,
    (value, profile, { report }) => {
      const labels = readList(value, report);
      if (labels.length > 0) {
        profile.issueLabels = labels;
      }
    },
  ],
  [
    A.contributing,
    (value, profile, { report }) => {
      profile.contributing = readContributingLink(value, report);
    },
  ],
  [
    A.chat,
    (value, profile, { report }) => {
      profile.chat = readChat(value, report);
    },
  ],
  [
    A.trustedCommitters,
    (value, profile, { namespace, report }) => {
      profile.trustedCommitters = readTrustedCommitters(
        value,
        namespace,
        report,
      );
    },
  ],
  [
    A.responseTime,
    (value, profile, { report }) => {
      profile.responseTime = readDuration(value, '"2d" or "48h"', report);
    },
  ],
  [
    A.warranty,
    (value, profile, { report }) => {
      profile.warranty = readDuration(value, '"30d" or "4w"', report);
    },
  ],
  [
    A.license,
    (value, profile, { report }) => {
      profile.license = readLicense(value, report);
    },
  ],
  [
    A.scorecardExempt,
    (value, profile, { report }) => {
      profile.exemptions = readExemptions(value, report);
    },
  ],
]);

const KNOWN_KEYS = [...READERS.keys()];

function emptyProfile(): InnerSourceProfile {
  return {
    contributionsWanted: false,
    asks: [],
    asksExpired: false,
    skills: [],
    contributionTypes: [],
    issueLabels: [...DEFAULT_ISSUE_LABELS],
    trustedCommitters: [],
    exemptions: [],
  };
}

function namespaceOf(entity: Entity): string {
  const namespace = (entity as { metadata?: { namespace?: unknown } })?.metadata
    ?.namespace;
  return typeof namespace === 'string' && namespace.trim()
    ? namespace.trim()
    : DEFAULT_NAMESPACE;
}

/**
 * The annotation key as problems name it: unknown keys are written by people, so
 * they are escaped and cut like any other untrusted text.
 *
 * @public
 */
export function displayAnnotationKey(key: string): string {
  return escapeUnsafeCharacters(truncateText(key, MAX_KEY_LENGTH));
}

function describeNonString(value: unknown): string {
  if (value === null || value === undefined) {
    return 'has no value';
  }
  if (Array.isArray(value)) {
    return 'is a list, not a string';
  }
  if (typeof value === 'object') {
    return 'is a mapping, not a string';
  }
  // Numbers and booleans: YAML read an unquoted value as something else.
  return `${escapeUnsafeCharacters(
    truncateText(String(value), 40),
  )} is a ${typeof value}, not a string (Backstage rejects annotation values that are not strings)`;
}

function reportUnknownKey(key: string, report: ProblemReporter) {
  const suggestion = closestMatch(
    key.slice(INNERSOURCE_ANNOTATION_PREFIX.length),
    KNOWN_KEYS.map(k => k.slice(INNERSOURCE_ANNOTATION_PREFIX.length)),
  );
  report.warning(
    'unknown InnerSource annotation',
    suggestion
      ? `did you mean ${INNERSOURCE_ANNOTATION_PREFIX}${suggestion}?`
      : `rename it to one of the documented ${INNERSOURCE_ANNOTATION_PREFIX}* annotations, or remove it`,
  );
}

function capProblems(problems: AnnotationProblem[], annotation: string) {
  if (problems.length <= MAX_PROBLEMS_PER_ANNOTATION) {
    return problems;
  }
  const kept = problems.slice(0, MAX_PROBLEMS_PER_ANNOTATION);
  const rest = problems.slice(MAX_PROBLEMS_PER_ANNOTATION);
  kept.push({
    annotation,
    severity: rest.some(p => p.severity === 'error') ? 'error' : 'warning',
    message: `has ${rest.length} more problems`,
    fix: 'fix the problems above, then run the check again',
  });
  return kept;
}

/**
 * Reads the `innersource/*` annotations of an entity into a typed profile and a
 * list of problems, each with the annotation, a severity, what is wrong and the
 * fix. Never throws: bad values are reported and left out of the profile.
 * Entities without `innersource/*` annotations get no problems.
 *
 * The one parser behind the catalog processor, the lint command, the backend and
 * the UI, so that they all agree on what a value means.
 *
 * @public
 */
export function parseInnerSourceAnnotations(
  entity: Entity,
  options: ParseInnerSourceAnnotationsOptions = {},
): ParsedInnerSourceAnnotations {
  const profile = emptyProfile();
  const problems: AnnotationProblem[] = [];
  const annotations = annotationsOf(entity);
  const keys = Object.keys(annotations).filter(key =>
    key.startsWith(INNERSOURCE_ANNOTATION_PREFIX),
  );
  if (keys.length === 0) {
    return { hasAnnotations: false, profile, problems };
  }

  const now =
    options.now instanceof Date && !Number.isNaN(options.now.getTime())
      ? options.now
      : new Date();
  const namespace = namespaceOf(entity);

  for (const key of keys) {
    const annotation = displayAnnotationKey(key);
    const keyProblems: AnnotationProblem[] = [];
    const report = createProblemReporter(annotation, keyProblems);
    const reader = READERS.get(key);
    const value = annotations[key];
    const example =
      INNERSOURCE_ANNOTATION_EXAMPLES[key as InnerSourceAnnotationKey];

    if (!reader) {
      reportUnknownKey(key, report);
    } else if (typeof value !== 'string') {
      report.error(
        describeNonString(value),
        `write the value as a quoted string, e.g. ${key}: '${example}'`,
      );
    } else if (value.trim() === '') {
      report.warning(
        'is empty',
        `give a value, e.g. ${key}: '${example}', or remove the annotation`,
      );
    } else {
      try {
        reader(value, profile, { now, namespace, report });
      } catch {
        // The readers are built not to throw; should one ever do, the entity
        // page, the processor and the lint still get an answer.
        report.error(
          'could not be read',
          'report this value as a bug of the InnerSource plugin',
        );
      }
    }
    problems.push(...capProblems(keyProblems, annotation));
  }

  return { hasAnnotations: true, profile, problems };
}
