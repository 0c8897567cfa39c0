import {
  SCORECARD_OVERVIEW_SORTS,
  ScorecardOverviewSort,
} from '@innersource/backstage-plugin-innersource-common';

/**
 * A query of the scorecard overview. Absent fields do not filter;
 * `scorecardQueryToSearchParams` gives the query string the backend reads.
 *
 * @public
 */
export type ScorecardOverviewQuery = {
  /** Only entities that hold this level id (`level`). */
  level?: string;
  /** Only entities of this owner, a full entity ref (`owner`). */
  owner?: string;
  /** Order of the entities (`sort`); the backend's default is `score-desc`. */
  sort?: ScorecardOverviewSort;
  /** Page size (`limit`). */
  limit?: number;
  /** How many entities to skip (`offset`). */
  offset?: number;
};

function isSort(value: string | null): value is ScorecardOverviewSort {
  return (SCORECARD_OVERVIEW_SORTS as readonly (string | null)[]).includes(
    value,
  );
}

function nonNegativeInteger(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

/**
 * The query string of a scorecard overview query, in a stable order.
 *
 * @public
 */
export function scorecardQueryToSearchParams(
  query: ScorecardOverviewQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.level) {
    params.set('level', query.level);
  }
  if (query.owner) {
    params.set('owner', query.owner);
  }
  if (query.sort) {
    params.set('sort', query.sort);
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  if (query.offset) {
    params.set('offset', String(query.offset));
  }
  return params;
}

/**
 * Reads a scorecard overview query from a query string; unknown or invalid
 * values are dropped.
 *
 * @public
 */
export function searchParamsToScorecardQuery(
  params: URLSearchParams,
): ScorecardOverviewQuery {
  const query: ScorecardOverviewQuery = {};
  const level = params.get('level')?.trim();
  if (level) {
    query.level = level;
  }
  const owner = params.get('owner')?.trim();
  if (owner) {
    query.owner = owner;
  }
  const sort = params.get('sort');
  if (isSort(sort)) {
    query.sort = sort;
  }
  const limit = nonNegativeInteger(params.get('limit'));
  if (limit) {
    query.limit = limit;
  }
  const offset = nonNegativeInteger(params.get('offset'));
  if (offset) {
    query.offset = offset;
  }
  return query;
}
