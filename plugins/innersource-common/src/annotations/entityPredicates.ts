import { Entity } from '@backstage/catalog-model';
import { ProblemReporter } from './problems';
import {
  INNERSOURCE_ANNOTATION_PREFIX,
  INNERSOURCE_ANNOTATIONS,
} from './types';
import { readFlag } from './values/flag';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The annotations of anything that looks like an entity; never throws. */
export function annotationsOf(entity: unknown): Record<string, unknown> {
  if (!isPlainObject(entity) || !isPlainObject(entity.metadata)) {
    return {};
  }
  const annotations = entity.metadata.annotations;
  return isPlainObject(annotations) ? annotations : {};
}

/**
 * True when the entity carries at least one `innersource/*` annotation, e.g. as
 * the `filter` of an entity card.
 *
 * @public
 */
export function hasInnerSourceAnnotations(entity: Entity): boolean {
  return Object.keys(annotationsOf(entity)).some(key =>
    key.startsWith(INNERSOURCE_ANNOTATION_PREFIX),
  );
}

const IGNORE_PROBLEMS: ProblemReporter = { error() {}, warning() {} };

/**
 * True when `innersource/contributions-wanted` reads as `true`: the same rule as
 * {@link parseInnerSourceAnnotations}, without the rest of the work.
 *
 * @public
 */
export function isContributionWanted(entity: Entity): boolean {
  const value =
    annotationsOf(entity)[INNERSOURCE_ANNOTATIONS.contributionsWanted];
  return typeof value === 'string' && readFlag(value, IGNORE_PROBLEMS) === true;
}
