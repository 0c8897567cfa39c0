import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import {
  ScorecardCheck,
  ScorecardOverview,
} from '@innersource/backstage-plugin-innersource-common';
import {
  innerSourceApiRef,
  ScorecardOverviewQuery,
  scorecardQueryToSearchParams,
  searchParamsToScorecardQuery,
} from '../../api';

/** Entities per page of the overview table. */
export const SCORECARD_PAGE_SIZE = 20;

/** What the overview shows; it lives in the URL so a filtered view can be shared. */
export type ScorecardOverviewView = Omit<ScorecardOverviewQuery, 'limit'>;

function viewOf(params: URLSearchParams): ScorecardOverviewView {
  const query = searchParamsToScorecardQuery(params);
  delete query.limit;
  return query;
}

/** The view from the URL's search params, and a setter that writes it back. */
export function useScorecardOverviewView(): [
  ScorecardOverviewView,
  (update: (view: ScorecardOverviewView) => ScorecardOverviewView) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  const view = useMemo(() => viewOf(new URLSearchParams(key)), [key]);
  const setView = useCallback(
    (update: (current: ScorecardOverviewView) => ScorecardOverviewView) =>
      setSearchParams(current =>
        scorecardQueryToSearchParams(update(viewOf(current))),
      ),
    [setSearchParams],
  );
  return [view, setView];
}

export type ScorecardOverviewState = {
  overview?: ScorecardOverview;
  /** The configured checks by id, to name failing checks; empty until loaded. */
  checks: Map<string, ScorecardCheck>;
  loading: boolean;
  error?: Error;
};

/**
 * Loads the overview for a view, and the checks once. An answer for an older
 * view is dropped, so a slow response never overwrites a newer one.
 */
export function useScorecardOverview(view: ScorecardOverviewView) {
  const api = useApi(innerSourceApiRef);
  const viewKey = scorecardQueryToSearchParams(view).toString();
  const [state, setState] = useState<ScorecardOverviewState>({
    loading: true,
    checks: new Map(),
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.getScorecardChecks().then(
      response =>
        current &&
        setState(previous => ({
          ...previous,
          checks: new Map(response.checks.map(check => [check.id, check])),
        })),
      // Without check titles the table shows check ids; not worth an error.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    const controller = new AbortController();
    setState(previous => ({ ...previous, loading: true, error: undefined }));
    api
      .getScorecardOverview(
        {
          ...searchParamsToScorecardQuery(new URLSearchParams(viewKey)),
          limit: SCORECARD_PAGE_SIZE,
        },
        { signal: controller.signal },
      )
      .then(
        overview => {
          if (!controller.signal.aborted) {
            setState(previous => ({ ...previous, overview, loading: false }));
          }
        },
        error => {
          if (!controller.signal.aborted) {
            setState(previous => ({ ...previous, error, loading: false }));
          }
        },
      );
    return () => controller.abort();
  }, [api, viewKey, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  return { ...state, retry };
}
