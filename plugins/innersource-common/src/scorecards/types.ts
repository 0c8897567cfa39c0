import { Entity } from '@backstage/catalog-model';
import { InnerSourceProfile, ScorecardExemption } from '../annotations/types';

/**
 * The data a check needs: `annotations` means the entity itself (its
 * `catalog-info.yaml`: annotations, metadata and spec), which is always there;
 * `catalog` means facts that only a catalog lookup gives (e.g. whether the
 * trusted committers exist); `code-host` means facts from the repository.
 *
 * @public
 */
export type ScorecardCheckNeeds = 'annotations' | 'catalog' | 'code-host';

/**
 * A scorecard check as the API and the UI describe it: plain data.
 *
 * @public
 */
export type ScorecardCheck = {
  /** Stable id, e.g. `readme`; used in configuration and in `innersource/scorecard-exempt`. */
  id: string;
  title: string;
  /** The id of the level this check belongs to, e.g. `bronze`. */
  level: string;
  /** The share of this check in the score; a positive number. */
  weight: number;
  /** What the check looks at and why it matters. */
  description: string;
  /** What to do when the check does not pass. */
  remediation: string;
  docsUrl?: string;
  needs: ScorecardCheckNeeds;
  /**
   * True when configured optional (`innersource.scorecards.checks.<id>.optional`):
   * while `not-reported`, it does not keep an entity from its level.
   */
  optional?: boolean;
};

/** @public */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'warn'
  | 'not-applicable'
  | 'not-reported'
  | 'exempt';

/**
 * The result of one check for one entity.
 *
 * @public
 */
export type CheckResult = {
  checkId: string;
  status: CheckStatus;
  /**
   * What was seen, as one line of plain text, e.g.
   * `metadata.description has 23 characters, fewer than 30`. Quoted values
   * from annotations are escaped; never render it as HTML. An exempt check
   * keeps the evidence of what the check itself found.
   */
  evidence: string;
  /** Set when `status` is `exempt`: the reason from `innersource/scorecard-exempt`. */
  exemptionReason?: string;
};

/** @public */
export type ScorecardLevel = {
  /** e.g. `bronze`; checks name their level by this id. */
  id: string;
  /** e.g. `Bronze`. */
  title: string;
  description: string;
  /** Higher is better; a level is held only when all lower ranks are held too. */
  rank: number;
};

/**
 * The level an entity should aim for next, and which checks stand in the way.
 *
 * @public
 */
export type ScorecardNextLevel = {
  id: string;
  /**
   * The checks of that level, or of a lower one, that keep the entity from
   * it: those that fail and those that are `not-reported` (a level never
   * claims what was not seen), in the order of the checks.
   */
  blockingChecks: string[];
  /**
   * The `not-reported` ones among `blockingChecks`: the facts that are
   * missing. Empty when only failing checks stand in the way; absent in
   * scorecards stored before it existed.
   */
  missingFacts?: string[];
};

/** An exemption in `innersource/scorecard-exempt` that names no known check. @public */
export type UnknownScorecardExemption = ScorecardExemption & {
  /** A known check id close to the one written, for "did you mean …?". */
  didYouMean?: string;
};

/**
 * The scorecard of one entity.
 *
 * @public
 */
export type Scorecard = {
  /** e.g. `component:default/payments-gateway`. */
  entityRef: string;
  /** One result per enabled check, in the order of the checks. */
  results: CheckResult[];
  /** The id of the highest level held; undefined when none is. */
  level?: string;
  /** 0–100; null when no check is applicable (then there is nothing to score). */
  score: number | null;
  /** The first level not held; undefined when the top level is held. */
  nextLevel?: ScorecardNextLevel;
  /** Exemptions naming a check id that does not exist (typos, removed checks). */
  unknownExemptions: UnknownScorecardExemption[];
};

/**
 * What the catalog knows beyond the entity itself. Every field is optional:
 * a check whose fact is missing reports `not-reported`, never `fail`.
 *
 * @public
 */
export type ScorecardCatalogFacts = {
  /**
   * The kind of the entity that `spec.owner` resolves to, lower case
   * (`group`, `user`); `null` when the catalog has no such entity.
   */
  ownerKind?: string | null;
  /**
   * Which of the profile's `trustedCommitters` refs exist in the catalog
   * (full refs, compared ignoring case). Refs not in the set do not exist.
   */
  resolvedRefs?: ReadonlySet<string>;
};

/**
 * What the code host (GitHub, GitLab, …) reports about the entity's
 * repository. Every field is optional: a check whose fact is missing reports
 * `not-reported`, never `fail`.
 *
 * @public
 */
export type ScorecardCodeHostFacts = {
  /** ISO 8601 time the facts were read from the code host. */
  readAt?: string;
  /** The repository's web page. */
  repositoryUrl?: string;
  hasReadme?: boolean;
  hasCodeowners?: boolean;
  /** A `CONTRIBUTING.md` (or `.github/CONTRIBUTING.md`, `docs/CONTRIBUTING.md`). */
  hasContributingFile?: boolean;
  /** Open issues carrying one of the profile's `issueLabels`. */
  openGoodFirstIssues?: number;
  /** ISO 8601 time of the latest commit on the default branch; null for a repository without commits. */
  lastCommitAt?: string | null;
  /**
   * Median hours from opening a contribution (pull/merge request by someone
   * outside the owning team) to its first response by the team; `null` when
   * there was no such contribution to respond to.
   */
  medianFirstResponseHours?: number | null;
  /**
   * Contributions (merged pull/merge requests) whose authors belong to no team
   * that owns the entity, over the last `thresholds.outsideContributionDays`.
   */
  outsideContributions?: number;
  /** A license file in the repository. */
  hasLicenseFile?: boolean;
  /**
   * Merged contributions of the window whose authors map to no catalog User:
   * counted neither as outside nor as inside.
   */
  unknownContributions?: number;
  /** Logins of those authors (a few), for the fix. */
  unknownAuthors?: string[];
};

/**
 * Everything a check may look at for one entity. Pure data: the caller does
 * the I/O (catalog, code host) and passes the answers.
 *
 * @public
 */
export type ScorecardInput = {
  entity: Entity;
  /** `parseInnerSourceAnnotations(entity).profile`. */
  profile: InnerSourceProfile;
  /** Absent: every check that needs the catalog is `not-reported`. */
  catalog?: ScorecardCatalogFacts;
  /** Absent: every check that needs the code host is `not-reported`. */
  codeHost?: ScorecardCodeHostFacts;
  /**
   * Why `codeHost` is absent, with the fix, e.g. `last read 9 days ago, longer
   * ago than innersource.codeHost.maxAge (7 days)`: the evidence of every
   * code-host check that is `not-reported` for lack of facts. Without it the
   * evidence says that no code-host module is installed.
   */
  codeHostUnavailable?: string;
  /** The moment dates are judged against (expiry, activity). */
  now: Date;
  /**
   * The entity's full, lower-case ref when the caller already has it (e.g.
   * `stringifyEntityRef(entity)`); otherwise it is worked out from the entity.
   */
  entityRef?: string;
};

/**
 * Numbers the default checks compare against; configurable under
 * `innersource.scorecards.thresholds`.
 *
 * @public
 */
export type ScorecardThresholds = {
  /** `description`: characters `metadata.description` needs. Default 30. */
  descriptionMinLength: number;
  /** `recent-activity`: the latest commit is at most this many days old. Default 90. */
  activityDays: number;
  /** `outside-contributions`: the window the code host counts over, in days. Default 180. */
  outsideContributionDays: number;
  /** `response-time`: the promise when `innersource/response-time` is not given, in hours. Default 72. */
  defaultResponseTimeHours: number;
};

/** What a check found, before exemptions apply. @public */
export type CheckOutcome = {
  status: Exclude<CheckStatus, 'exempt'>;
  evidence: string;
};

/**
 * A pure function from the input to what the check found. It only runs when
 * the data its check `needs` was given; it returns `not-reported` for any
 * other missing fact.
 *
 * @public
 */
export type ScorecardCheckEvaluator = (
  input: ScorecardInput,
  thresholds: ScorecardThresholds,
) => CheckOutcome;

/** A check with the code that evaluates it. @public */
export type ScorecardCheckDefinition = ScorecardCheck & {
  evaluate: ScorecardCheckEvaluator;
};

/** Per-check settings under `innersource.scorecards.checks.<id>`. @public */
export type ScorecardCheckOptions = {
  /** Default true. A disabled check is not evaluated and not shown. */
  enabled?: boolean;
  weight?: number;
  /** Move the check to another level. */
  level?: string;
  docsUrl?: string;
  /**
   * Default false. An optional check that is `not-reported` does not keep an
   * entity from its level (e.g. code-host checks in an installation without
   * a code-host module); when it is reported, it counts as usual.
   */
  optional?: boolean;
};

/**
 * The scorecard configuration, as {@link resolveScorecardOptions} reads it
 * from `innersource.scorecards`.
 *
 * @public
 */
export type ScorecardOptions = {
  /** Settings by check id; checks not named keep their defaults. */
  checks?: Record<string, ScorecardCheckOptions>;
  /** Replaces the default levels when given. */
  levels?: ScorecardLevel[];
  thresholds: ScorecardThresholds;
};
