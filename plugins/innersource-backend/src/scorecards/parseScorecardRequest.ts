import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SCORECARD_OVERVIEW_PAGE_SIZE,
  MAX_SCORECARD_OVERVIEW_PAGE_SIZE,
  SCORECARD_OVERVIEW_SORTS,
  ScorecardOverviewSort,
} from '@innersource/backstage-plugin-innersource-common';
import { NO_LEVEL, ScorecardOverviewQuery } from './overview';

const MAX_OFFSET = 1_000_000;
const MAX_VALUE_LENGTH = 255;

const PARAMETERS = ['level', 'owner', 'sort', 'limit', 'offset'];

function invalid(name: string, message: string): InputError {
  return new InputError(`Invalid query parameter "${name}": ${message}`);
}

/** For messages: a value as given, in quotes, cut short. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function single(
  params: Record<string, unknown>,
  name: string,
): string | undefined {
  const raw = params[name];
  if (raw === undefined) {
    return undefined;
  }
  if (Array.isArray(raw)) {
    throw invalid(name, 'give it at most once');
  }
  if (typeof raw !== 'string') {
    throw invalid(name, 'must be given as name=value');
  }
  const value = raw.trim();
  if (value.length > MAX_VALUE_LENGTH) {
    throw invalid(name, `is longer than ${MAX_VALUE_LENGTH} characters`);
  }
  return value === '' ? undefined : value;
}

function wholeNumber(
  params: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = single(params, name);
  if (value === undefined) {
    return fallback;
  }
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) {
    throw invalid(name, `must be a whole number from ${min} to ${max}`);
  }
  return number;
}

/**
 * Reads the query string of `GET /scorecards`: `level` (a configured level id,
 * or `none`), `owner` (an entity ref; a Group when no kind is given), `sort`,
 * `limit` and `offset`. An empty value counts as not given; anything else that
 * is wrong is an {@link InputError} naming the parameter.
 */
export function parseScorecardOverviewRequest(
  params: Record<string, unknown>,
  levelIds: readonly string[],
): ScorecardOverviewQuery {
  for (const name of Object.keys(params)) {
    if (!PARAMETERS.includes(name)) {
      throw invalid(
        name,
        `not a parameter of the scorecard overview; use ${PARAMETERS.join(
          ', ',
        )}`,
      );
    }
  }

  const level = single(params, 'level');
  const levels = [...levelIds, NO_LEVEL];
  if (level !== undefined && !levels.includes(level)) {
    throw invalid(
      'level',
      `${quote(level)} is not a level; use one of ${levels.join(', ')}`,
    );
  }

  const ownerValue = single(params, 'owner');
  let owner: string | undefined;
  if (ownerValue !== undefined) {
    try {
      owner = stringifyEntityRef(
        parseEntityRef(ownerValue, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      throw invalid(
        'owner',
        `${quote(
          ownerValue,
        )} is not an entity ref; use e.g. group:default/payments`,
      );
    }
  }

  const sort = single(params, 'sort') ?? SCORECARD_OVERVIEW_SORTS[0];
  if (!SCORECARD_OVERVIEW_SORTS.includes(sort as ScorecardOverviewSort)) {
    throw invalid(
      'sort',
      `${quote(sort)} is not a sort; use one of ${SCORECARD_OVERVIEW_SORTS.join(
        ', ',
      )}`,
    );
  }

  return {
    ...(level !== undefined ? { level } : {}),
    ...(owner !== undefined ? { owner } : {}),
    sort: sort as ScorecardOverviewSort,
    limit: wholeNumber(
      params,
      'limit',
      1,
      MAX_SCORECARD_OVERVIEW_PAGE_SIZE,
      DEFAULT_SCORECARD_OVERVIEW_PAGE_SIZE,
    ),
    offset: wholeNumber(params, 'offset', 0, MAX_OFFSET, 0),
  };
}
