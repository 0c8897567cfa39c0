import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { closestMatch } from '../annotations/closestMatch';
import { escapeUnsafeCharacters, quoteValue } from '../annotations/quoteValue';
import {
  AnnotationProblem,
  INNERSOURCE_ANNOTATIONS,
} from '../annotations/types';
import { DEFAULT_SCORECARD_CHECKS } from './checks';
import { entityField } from './checks/evidence';
import { levelOf } from './levels';
import {
  configuredScorecardChecks,
  configuredScorecardLevels,
  DEFAULT_SCORECARD_OPTIONS,
} from './options';
import { scoreOf } from './score';
import {
  CheckOutcome,
  CheckResult,
  Scorecard,
  ScorecardCheckDefinition,
  ScorecardInput,
  ScorecardOptions,
  ScorecardThresholds,
  UnknownScorecardExemption,
} from './types';

/** Evidence when no catalog data was given at all. */
const NO_CATALOG_DATA = 'needs catalog data, which was not given';

/**
 * Evidence when no code-host data was given and no reason why: the
 * installation has no code-host module, which the scorecard says rather than
 * awarding levels whose meaning depends on code-host facts.
 */
function noCodeHostModule(checkId: string): string {
  return (
    'needs code-host data, and no code-host module is installed: add ' +
    '@innersource/backstage-plugin-innersource-backend-module-github or ' +
    '@innersource/backstage-plugin-innersource-backend-module-gitlab to the backend, ' +
    `or set innersource.scorecards.checks.${checkId}.optional: true so that it does not hold levels back`
  );
}

function outcomeOf(
  check: ScorecardCheckDefinition,
  input: ScorecardInput,
  thresholds: ScorecardThresholds,
): CheckOutcome {
  if (check.needs === 'catalog' && !input.catalog) {
    return { status: 'not-reported', evidence: NO_CATALOG_DATA };
  }
  if (check.needs === 'code-host' && !input.codeHost) {
    const reason = input.codeHostUnavailable?.trim();
    return {
      status: 'not-reported',
      evidence: reason
        ? `no code-host facts: ${escapeUnsafeCharacters(reason)}`
        : noCodeHostModule(check.id),
    };
  }
  try {
    return check.evaluate(input, thresholds);
  } catch {
    // The default checks do not throw; a check from an extension that does
    // must not take the whole scorecard down with it.
    return {
      status: 'not-reported',
      evidence: 'the check could not be evaluated',
    };
  }
}

/**
 * Evaluates one check for one entity. A check whose `needs` were not given
 * (no `catalog`, no `codeHost`) is `not-reported` without running; an
 * exemption in `innersource/scorecard-exempt` makes it `exempt` with the
 * reason, keeping the evidence of what the check found.
 *
 * @public
 */
export function evaluateScorecardCheck(
  check: ScorecardCheckDefinition,
  input: ScorecardInput,
  thresholds: ScorecardThresholds = DEFAULT_SCORECARD_OPTIONS.thresholds,
): CheckResult {
  const { status, evidence } = outcomeOf(check, input, thresholds);
  const exemption = input.profile.exemptions.find(e => e.checkId === check.id);
  if (exemption) {
    return {
      checkId: check.id,
      status: 'exempt',
      evidence,
      exemptionReason: exemption.reason,
    };
  }
  return { checkId: check.id, status, evidence };
}

/** `kind:namespace/name` in lower case, like `stringifyEntityRef`, for any entity-like value. */
function entityRefOf(input: ScorecardInput): string {
  const { entity } = input;
  const kind = typeof entity?.kind === 'string' ? entity.kind : 'unknown';
  const namespace = entityField(entity, 'metadata', 'namespace');
  const name = entityField(entity, 'metadata', 'name');
  return escapeUnsafeCharacters(
    `${kind}:${typeof namespace === 'string' ? namespace : DEFAULT_NAMESPACE}/${
      typeof name === 'string' ? name : 'unknown'
    }`.toLocaleLowerCase('en-US'),
  );
}

/**
 * The scorecard of one entity: every enabled check's result, the score, the
 * level held and the next one. Pure: the caller gathers the catalog and
 * code-host facts; whatever is not given is `not-reported` and counts for
 * nothing, neither for nor against the entity.
 *
 * @param options - from {@link resolveScorecardOptions}; the defaults when left out.
 * @param definitions - the checks that exist: the defaults, plus any from extensions.
 * @public
 */
export function scoreEntity(
  input: ScorecardInput,
  options: ScorecardOptions = DEFAULT_SCORECARD_OPTIONS,
  definitions: readonly ScorecardCheckDefinition[] = DEFAULT_SCORECARD_CHECKS,
): Scorecard {
  return createScorer(options, definitions)(input);
}

/**
 * {@link scoreEntity} with the configured checks and levels worked out once:
 * for scoring many entities with the same configuration.
 *
 * @public
 */
export function createScorer(
  options: ScorecardOptions = DEFAULT_SCORECARD_OPTIONS,
  definitions: readonly ScorecardCheckDefinition[] = DEFAULT_SCORECARD_CHECKS,
): (input: ScorecardInput) => Scorecard {
  const checks = configuredScorecardChecks(options, definitions);
  const levels = configuredScorecardLevels(options);
  // Exemptions of known but disabled checks are fine: the check may come back.
  const knownIds = definitions.map(d => d.id);
  return input => {
    const results = checks.map(check =>
      evaluateScorecardCheck(check, input, options.thresholds),
    );
    const unknownExemptions: UnknownScorecardExemption[] =
      input.profile.exemptions
        .filter(e => !knownIds.includes(e.checkId))
        .map(e => {
          const didYouMean = closestMatch(e.checkId, knownIds);
          return didYouMean ? { ...e, didYouMean } : { ...e };
        });
    return {
      entityRef: input.entityRef ?? entityRefOf(input),
      results,
      ...levelOf(results, checks, levels),
      score: scoreOf(results, checks),
      unknownExemptions,
    };
  };
}

/**
 * An unknown exemption as an annotation problem (a warning), so that it is
 * shown like the parser's problems, e.g. `innersource/scorecard-exempt:
 * "codeowner" is not a scorecard check; did you mean "codeowners"?`.
 *
 * @public
 */
export function unknownExemptionProblem(
  exemption: UnknownScorecardExemption,
): AnnotationProblem {
  return {
    annotation: INNERSOURCE_ANNOTATIONS.scorecardExempt,
    severity: 'warning',
    message: `${quoteValue(exemption.checkId)} is not a scorecard check`,
    fix: exemption.didYouMean
      ? `did you mean ${quoteValue(exemption.didYouMean)}?`
      : 'use the id of a check of the scorecard, or remove the exemption',
  };
}
