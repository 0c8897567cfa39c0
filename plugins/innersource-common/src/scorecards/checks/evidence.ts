import { annotationsOf } from '../../annotations/entityPredicates';
import { escapeUnsafeCharacters } from '../../annotations/quoteValue';
import { truncateText } from '../../annotations/values/text';
import { CheckOutcome } from '../types';

/** Items shown in evidence before "and N more". */
const MAX_LISTED = 5;
/** Listed items are cut to this many characters. */
const MAX_ITEM_LENGTH = 60;

export const pass = (evidence: string): CheckOutcome => ({
  status: 'pass',
  evidence,
});
export const fail = (evidence: string): CheckOutcome => ({
  status: 'fail',
  evidence,
});
export const warn = (evidence: string): CheckOutcome => ({
  status: 'warn',
  evidence,
});
export const notApplicable = (evidence: string): CheckOutcome => ({
  status: 'not-applicable',
  evidence,
});
export const notReported = (evidence: string): CheckOutcome => ({
  status: 'not-reported',
  evidence,
});

export function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** `a, b, c and 2 more`, each item escaped and cut, for one line of evidence. */
export function listItems(items: readonly string[]): string {
  const shown = items
    .slice(0, MAX_LISTED)
    .map(item => escapeUnsafeCharacters(truncateText(item, MAX_ITEM_LENGTH)));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** `36 h`, `1.5 h`: hours with at most one decimal. */
export function hours(value: number): string {
  return `${Math.round(value * 10) / 10} h`;
}

/**
 * Why an annotation gave no value: it is absent, or it is there but could not
 * be read (the annotation problems say why). Evidence should tell the two apart.
 */
export function missingAnnotation(entity: unknown, key: string): string {
  return key in annotationsOf(entity)
    ? `${key} is set but could not be read (see its annotation problems)`
    : `no ${key} annotation`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of `spec` or `metadata`, read defensively: entities from YAML can hold anything. */
export function entityField(
  entity: unknown,
  section: 'spec' | 'metadata',
  field: string,
): unknown {
  if (!isPlainObject(entity)) {
    return undefined;
  }
  const part = entity[section];
  return isPlainObject(part) ? part[field] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value);
}
