import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  BOARD_QUERY_PARAMETERS as PARAMS,
  isContributionType,
  MAX_BOARD_PAGE_SIZE,
} from '@innersource/backstage-plugin-innersource-common';
import { parseCatalogEntityRef } from '../entityRefs';
import { BOARD_SORTS, BoardQuery, BoardSort } from './types';

function cleanList(values: string[]): string[] {
  const cleaned = values.map(value => value.trim()).filter(Boolean);
  return Array.from(new Set(cleaned));
}

/**
 * The full, lower-case form of an entity ref (`group:payments` becomes
 * `group:default/payments`), or undefined when the value is not one that the
 * catalog could hold.
 */
function normalizeEntityRef(
  value: string,
  defaultKind: string,
): string | undefined {
  const ref = parseCatalogEntityRef(value, defaultKind);
  return ref && stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

function firstOf<T>(
  values: string[],
  read: (value: string) => T | undefined,
): T | undefined {
  for (const value of values) {
    const result = read(value);
    if (result !== undefined) {
      return result;
    }
  }
  return undefined;
}

function isBoardSort(value: string): value is BoardSort {
  return (BOARD_SORTS as readonly string[]).includes(value);
}

function readLimit(value: string): number | undefined {
  if (!/^\d+$/.test(value)) {
    return undefined;
  }
  const limit = Number(value);
  return limit >= 1 && limit <= MAX_BOARD_PAGE_SIZE ? limit : undefined;
}

/**
 * Reads a board query from a query string, the page's URL or a request. Unknown
 * parameters and invalid values (a contribution type or sort that does not exist,
 * an entity ref that cannot be parsed, a limit outside 1 to 100, empty values,
 * `issues` other than `true`) are
 * dropped; of a single-valued parameter given twice the first valid value counts.
 *
 * @public
 */
export function searchParamsToBoardQuery(params: URLSearchParams): BoardQuery {
  const query: BoardQuery = {};

  const text = firstOf(params.getAll(PARAMS.text), value => {
    const trimmed = value.trim();
    return trimmed || undefined;
  });
  if (text !== undefined) {
    query.text = text;
  }

  const skills = cleanList(params.getAll(PARAMS.skills));
  if (skills.length > 0) {
    query.skills = skills;
  }

  const contributionTypes = cleanList(
    params.getAll(PARAMS.contributionTypes),
  ).filter(isContributionType);
  if (contributionTypes.length > 0) {
    query.contributionTypes = contributionTypes;
  }

  const refs = [
    ['owner', 'group'],
    ['system', 'system'],
    ['domain', 'domain'],
  ] as const;
  for (const [field, defaultKind] of refs) {
    const ref = firstOf(params.getAll(PARAMS[field]), value =>
      normalizeEntityRef(value, defaultKind),
    );
    if (ref !== undefined) {
      query[field] = ref;
    }
  }

  const tags = cleanList(params.getAll(PARAMS.tags));
  if (tags.length > 0) {
    query.tags = tags;
  }

  // Only `true` (in any case, as the backend reads it) filters.
  if (
    params
      .getAll(PARAMS.hasIssues)
      .some(value => value.trim().toLocaleLowerCase('en-US') === 'true')
  ) {
    query.hasIssues = true;
  }

  const sort = firstOf(params.getAll(PARAMS.sort), value =>
    isBoardSort(value) ? value : undefined,
  );
  if (sort !== undefined) {
    query.sort = sort;
  }

  const limit = firstOf(params.getAll(PARAMS.limit), readLimit);
  if (limit !== undefined) {
    query.limit = limit;
  }

  const cursor = firstOf(
    params.getAll(PARAMS.cursor),
    value => value || undefined,
  );
  if (cursor !== undefined) {
    query.cursor = cursor;
  }

  return query;
}

/**
 * Writes a board query as a query string, in a fixed parameter order so that equal
 * queries give equal strings. It checks nothing: `searchParamsToBoardQuery` is where
 * values are validated, and reading what this writes gives the query back.
 *
 * @public
 */
export function boardQueryToSearchParams(query: BoardQuery): URLSearchParams {
  const params = new URLSearchParams();
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') {
      params.append(name, String(value));
    }
  };

  add(PARAMS.text, query.text?.trim());
  query.skills?.forEach(skill => add(PARAMS.skills, skill));
  query.contributionTypes?.forEach(type => add(PARAMS.contributionTypes, type));
  add(PARAMS.owner, query.owner);
  add(PARAMS.system, query.system);
  add(PARAMS.domain, query.domain);
  query.tags?.forEach(tag => add(PARAMS.tags, tag));
  add(PARAMS.hasIssues, query.hasIssues ? 'true' : undefined);
  add(PARAMS.sort, query.sort);
  add(PARAMS.limit, query.limit);
  add(PARAMS.cursor, query.cursor);
  return params;
}
