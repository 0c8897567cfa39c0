import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  BOARD_QUERY_PARAMETERS as P,
  CONTRIBUTION_TYPES,
  ContributionType,
  DEFAULT_BOARD_PAGE_SIZE,
  isContributionType,
  MAX_BOARD_PAGE_SIZE,
} from '@innersource/backstage-plugin-innersource-common';
import { decodeCursor, SortKey } from './cursor';
import { BOARD_SORTS, BoardQuery, BoardSort } from './types';

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

const SINGLE = [
  P.text,
  P.sort,
  P.limit,
  P.cursor,
  P.format,
  P.hasIssues,
] as const;
const REPEATABLE = [
  P.skills,
  P.contributionTypes,
  P.owner,
  P.system,
  P.domain,
  P.tags,
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
  if (!isContributionType(type)) {
    throw invalid(
      P.contributionTypes,
      `${quote(
        value,
      )} is not a contribution type; use one of ${CONTRIBUTION_TYPES.join(
        ', ',
      )}`,
    );
  }
  return type;
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

  const text = single(params, P.text) ?? '';
  if (text.length > MAX_TEXT_LENGTH) {
    throw invalid(P.text, `must be at most ${MAX_TEXT_LENGTH} characters`);
  }

  const sortValue = single(params, P.sort) ?? BOARD_SORTS[0];
  if (!BOARD_SORTS.includes(sortValue as BoardSort)) {
    throw invalid(
      P.sort,
      `${quote(sortValue)} is not a sort; use one of ${BOARD_SORTS.join(', ')}`,
    );
  }

  const hasIssuesValue = single(params, P.hasIssues)?.toLocaleLowerCase(
    'en-US',
  );
  if (
    hasIssuesValue !== undefined &&
    hasIssuesValue !== 'true' &&
    hasIssuesValue !== 'false'
  ) {
    throw invalid(
      P.hasIssues,
      `${quote(
        single(params, P.hasIssues)!,
      )} is not true or false; use issues=true for only entities with open issues on the code host`,
    );
  }

  const limitValue = single(params, P.limit);
  let limit = DEFAULT_BOARD_PAGE_SIZE;
  if (limitValue !== undefined) {
    limit = /^\d{1,3}$/.test(limitValue) ? Number(limitValue) : NaN;
    if (!(limit >= 1 && limit <= MAX_BOARD_PAGE_SIZE)) {
      throw invalid(
        P.limit,
        `must be a whole number from 1 to ${MAX_BOARD_PAGE_SIZE}`,
      );
    }
  }

  const formatValue = single(params, P.format);
  if (
    formatValue !== undefined &&
    formatValue !== 'csv' &&
    formatValue !== 'json'
  ) {
    throw invalid(
      P.format,
      `${quote(formatValue)} is not a format; use csv or json`,
    );
  }

  const query: BoardQuery = {
    text,
    skills: repeated(params, P.skills),
    contributionTypes: repeated(
      params,
      P.contributionTypes,
      readContributionType,
    ) as ContributionType[],
    ownerRefs: repeated(
      params,
      P.owner,
      entityRefReader(P.owner, 'group', 'group:default/payments'),
    ),
    systemRefs: repeated(
      params,
      P.system,
      entityRefReader(P.system, 'system', 'system:default/checkout'),
    ),
    domainRefs: repeated(
      params,
      P.domain,
      entityRefReader(P.domain, 'domain', 'domain:default/commerce'),
    ),
    tags: repeated(params, P.tags, tag => tag.toLocaleLowerCase('en-US')),
    ...(hasIssuesValue === 'true' ? { hasIssues: true } : {}),
    sort: sortValue as BoardSort,
  };

  const cursor = single(params, P.cursor);
  let after: SortKey | undefined;
  // Exports ignore paging, so a cursor left in a shared URL does no harm there.
  if (cursor !== undefined && formatValue === undefined) {
    after = decodeCursor(cursor, query);
    if (!after) {
      throw invalid(
        P.cursor,
        'is not a cursor of a board page with these filters and sort; leave it out to start from the first page',
      );
    }
  }

  return { query, limit, after, format: formatValue };
}
