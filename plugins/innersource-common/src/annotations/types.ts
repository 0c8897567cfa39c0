/**
 * The annotation keys of the InnerSource contract, as maintainers write them in
 * `catalog-info.yaml`. The README's annotation table documents each one.
 *
 * @public
 */
export const INNERSOURCE_ANNOTATIONS = {
  contributionsWanted: 'innersource/contributions-wanted',
  helpWanted: 'innersource/help-wanted',
  helpWantedUntil: 'innersource/help-wanted-until',
  skills: 'innersource/skills',
  contributionTypes: 'innersource/contribution-types',
  issueLabels: 'innersource/issue-labels',
  contributing: 'innersource/contributing',
  chat: 'innersource/chat',
  trustedCommitters: 'innersource/trusted-committers',
  responseTime: 'innersource/response-time',
  warranty: 'innersource/warranty',
  license: 'innersource/license',
  scorecardExempt: 'innersource/scorecard-exempt',
} as const;

/** @public */
export type InnerSourceAnnotationKey =
  (typeof INNERSOURCE_ANNOTATIONS)[keyof typeof INNERSOURCE_ANNOTATIONS];

/** Every annotation key starts with this prefix. @public */
export const INNERSOURCE_ANNOTATION_PREFIX = 'innersource/';

/** The kinds of help a team can ask for. @public */
export const CONTRIBUTION_TYPES = [
  'code',
  'docs',
  'tests',
  'design',
  'review',
  'triage',
  'ops',
] as const;

/** @public */
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];

/** Labels whose open issues are pulled from the code host when none are given. @public */
export const DEFAULT_ISSUE_LABELS = ['good first issue', 'help wanted'];

/** Days before `help-wanted-until` from which a warning says the asks expire soon. @public */
export const HELP_WANTED_EXPIRY_WARNING_DAYS = 14;

/**
 * A link from an annotation: only absolute http(s) URLs and paths relative to the
 * entity's repository are ever accepted.
 *
 * @public
 */
export type InnerSourceLink =
  | { type: 'url'; url: string }
  | { type: 'repo-path'; path: string };

/** Where to talk to the maintainers: a URL or a channel name such as `#payments-dev`. @public */
export type InnerSourceChat =
  | { type: 'url'; url: string }
  | { type: 'channel'; name: string };

/** One concrete ask, e.g. `[docs] Write a Kotlin quickstart`. @public */
export type HelpWantedAsk = {
  text: string;
  type?: ContributionType;
};

/** A duration such as `2d` or `48h`, as written and in hours. @public */
export type InnerSourceDuration = {
  text: string;
  hours: number;
};

/** @public */
export type InnerSourceLicense =
  | { type: 'internal' }
  | { type: 'spdx'; id: string }
  | { type: 'url'; url: string };

/** A scorecard check the maintainers opted out of, always with a reason. @public */
export type ScorecardExemption = {
  checkId: string;
  reason: string;
};

/**
 * The typed reading of an entity's `innersource/*` annotations. Values that could not
 * be read are left out (and reported as problems), never guessed.
 *
 * @public
 */
export type InnerSourceProfile = {
  contributionsWanted: boolean;
  asks: HelpWantedAsk[];
  /** `YYYY-MM-DD` from `innersource/help-wanted-until`. */
  asksValidUntil?: string;
  /** True when `asksValidUntil` is before the day of `now`. */
  asksExpired: boolean;
  skills: string[];
  contributionTypes: ContributionType[];
  issueLabels: string[];
  contributing?: InnerSourceLink;
  chat?: InnerSourceChat;
  /** Full entity refs, e.g. `user:default/jane-doe`. */
  trustedCommitters: string[];
  responseTime?: InnerSourceDuration;
  warranty?: InnerSourceDuration;
  license?: InnerSourceLicense;
  exemptions: ScorecardExemption[];
};

/** @public */
export type AnnotationProblemSeverity = 'error' | 'warning';

/**
 * Something wrong with one annotation: which key, how bad, what is wrong and the fix.
 *
 * @public
 */
export type AnnotationProblem = {
  /** The annotation key as written, e.g. `innersource/response-time` or an unknown `innersource/skils`. */
  annotation: string;
  severity: AnnotationProblemSeverity;
  /** What is wrong, e.g. `"two days" is not a duration`. */
  message: string;
  /** How to fix it, e.g. `use e.g. "2d" or "48h"`. */
  fix: string;
};

/** @public */
export type ParsedInnerSourceAnnotations = {
  /** True when the entity carries at least one `innersource/*` annotation. */
  hasAnnotations: boolean;
  profile: InnerSourceProfile;
  problems: AnnotationProblem[];
};

/** @public */
export type ParseInnerSourceAnnotationsOptions = {
  /** The moment expiry is judged against; defaults to the current time. */
  now?: Date;
};
