import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  BoardQuery,
  boardQueryToSearchParams,
  searchParamsToBoardQuery,
} from '../../api';

/**
 * What the board shows: the query without paging. It lives in the page's URL, so a
 * copied link reproduces the filters, the search and the sort. Paging stays out of
 * the URL: "Load more" appends to the list, and a reloaded page starts again at the
 * first page.
 */
export type BoardView = Omit<BoardQuery, 'limit' | 'cursor'>;

function viewOf(params: URLSearchParams): BoardView {
  const query = searchParamsToBoardQuery(params);
  delete query.limit;
  delete query.cursor;
  return query;
}

/** True when the view filters the board (the sort alone does not). */
export function isFiltered(view: BoardView): boolean {
  return Object.entries(view).some(([key, value]) => key !== 'sort' && value);
}

/**
 * The board view from the URL's search params, and a setter that writes a new view
 * back. Unknown and invalid params are dropped from the URL on the first change.
 */
export function useBoardView(): [
  BoardView,
  (
    update: (view: BoardView) => BoardView,
    options?: { replace?: boolean },
  ) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  // Parsed once per distinct URL, so the view is stable between renders.
  const view = useMemo(() => viewOf(new URLSearchParams(key)), [key]);

  const setView = useCallback(
    (
      update: (current: BoardView) => BoardView,
      options?: { replace?: boolean },
    ) => {
      setSearchParams(
        current => boardQueryToSearchParams(update(viewOf(current))),
        { replace: options?.replace },
      );
    },
    [setSearchParams],
  );

  return [view, setView];
}
