import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CONTRIBUTION_TYPES,
  ContributionType,
} from '@innersource/backstage-plugin-innersource-common';
import { decodeCursor, SortKey } from '../board/cursor';
import { BOARD_SORTS, BoardQuery, BoardSort } from '../board/types';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_TEXT_LENGTH = 200;
export const MAX_VALUES_PER_PARAMETER = 20;
export const MAX_VALUE_LENGTH = 255;

export type BoardFormat = 'csv' | 'json';

/** A `GET /board` request, checked. */
export type BoardRequest = {
  query: BoardQuery;
  limit: number;
  /** Set when a cursor was given: the key of the previous page's last item. */
  after?: SortKey;
  /** Set for exports, which return every matching item unpaged. */
  format?: BoardFormat;
};

const SINGLE = ['q', 'sort', 'limit', 'cursor', 'format'] as const;
const REPEATABLE = [
  'skill',
  'type',
  'owner',
  'system',
  'domain',
  'tag',
] as const;
const PARAMETERS: readonly string[] = [...SINGLE, ...REPEATABLE];

function invalid(name: string, message: string): InputError {
  return new InputError(`Invalid query parameter "${name}": ${message}`);
}

/** For messages: a value as given, in quotes, cut short. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function valuesOf(raw: unknown, name: string): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.some(value => typeof value !== 'string')) {
    throw invalid(name, 'must be given as name=value');
  }
  return (values as string[]).map(value => value.trim()).filter(Boolean);
}

function single(params: Record<string, unknown>, name: string) {
  if (params[name] === undefined) {
    return undefined;
  }
  const values = valuesOf(params[name], name);
  if (values.length > 1) {
    throw invalid(name, 'give it at most once');
  }
  return values[0];
}

function repeated(
  params: Record<string, unknown>,
  name: string,
  read: (value: string) => string = value => value,
): string[] {
  if (params[name] === undefined) {
    return [];
  }
  const values = valuesOf(params[name], name);
  if (values.length > MAX_VALUES_PER_PARAMETER) {
    throw invalid(name, `give at most ${MAX_VALUES_PER_PARAMETER} values`);
  }
  for (const value of values) {
    if (value.length > MAX_VALUE_LENGTH) {
      throw invalid(
        name,
        `${quote(value)} is longer than ${MAX_VALUE_LENGTH} characters`,
      );
    }
  }
  return [...new Set(values.map(read))];
}

function entityRefReader(name: string, defaultKind: string, example: string) {
  return (value: string): string => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      );
    } catch {
      throw invalid(
        name,
        `${quote(value)} is not an entity ref; use e.g. ${example}`,
      );
    }
  };
}

function readContributionType(value: string): ContributionType {
  const type = value.toLocaleLowerCase('en-US');
  if (!(CONTRIBUTION_TYPES as readonly string[]).includes(type)) {
    throw invalid(
      'type',
      `${quote(
        value,
      )} is not a contribution type; use one of ${CONTRIBUTION_TYPES.join(
        ', ',
      )}`,
    );
  }
  return type as ContributionType;
}

/**
 * Reads the query string of `GET /board`. Lists are given by repeating a
 * parameter (`skill=kotlin&skill=java`); an empty value counts as not given.
 * Anything else that is wrong is an {@link InputError} naming the parameter.
 */
export function parseBoardRequest(
  params: Record<string, unknown>,
): BoardRequest {
  for (const name of Object.keys(params)) {
    if (!PARAMETERS.includes(name)) {
      const singular = name.replace(/s$/, '');
      throw invalid(
        name,
        REPEATABLE.includes(singular as (typeof REPEATABLE)[number])
          ? `not a parameter of the board; did you mean "${singular}"? Repeat it for several values`
          : `not a parameter of the board; use ${PARAMETERS.join(', ')}`,
      );
    }
  }

  const text = single(params, 'q') ?? '';
  if (text.length > MAX_TEXT_LENGTH) {
    throw invalid('q', `must be at most ${MAX_TEXT_LENGTH} characters`);
  }

  const sortValue = single(params, 'sort') ?? BOARD_SORTS[0];
  if (!BOARD_SORTS.includes(sortValue as BoardSort)) {
    throw invalid(
      'sort',
      `${quote(sortValue)} is not a sort; use one of ${BOARD_SORTS.join(', ')}`,
    );
  }

  const limitValue = single(params, 'limit');
  let limit = DEFAULT_LIMIT;
  if (limitValue !== undefined) {
    limit = /^\d{1,3}$/.test(limitValue) ? Number(limitValue) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      throw invalid('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
    }
  }

  const formatValue = single(params, 'format');
  if (
    formatValue !== undefined &&
    formatValue !== 'csv' &&
    formatValue !== 'json'
  ) {
    throw invalid(
      'format',
      `${quote(formatValue)} is not a format; use csv or json`,
    );
  }

  const query: BoardQuery = {
    text,
    skills: repeated(params, 'skill'),
    contributionTypes: repeated(
      params,
      'type',
      readContributionType,
    ) as ContributionType[],
    ownerRefs: repeated(
      params,
      'owner',
      entityRefReader('owner', 'group', 'group:default/payments'),
    ),
    systemRefs: repeated(
      params,
      'system',
      entityRefReader('system', 'system', 'system:default/checkout'),
    ),
    domainRefs: repeated(
      params,
      'domain',
      entityRefReader('domain', 'domain', 'domain:default/commerce'),
    ),
    tags: repeated(params, 'tag', tag => tag.toLocaleLowerCase('en-US')),
    sort: sortValue as BoardSort,
  };

  const cursor = single(params, 'cursor');
  let after: SortKey | undefined;
  // Exports ignore paging, so a cursor left in a shared URL does no harm there.
  if (cursor !== undefined && formatValue === undefined) {
    after = decodeCursor(cursor, query);
    if (!after) {
      throw invalid(
        'cursor',
        'is not a cursor of a board page with these filters and sort; leave it out to start from the first page',
      );
    }
  }

  return { query, limit, after, format: formatValue };
}
