import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  BoardItem,
  BoardPage,
  boardQueryToSearchParams,
  innerSourceApiRef,
  searchParamsToBoardQuery,
} from '../../api';
import { BoardView } from './useBoardView';

/** Items per request, the backend's default. */
export const BOARD_PAGE_SIZE = 20;

export type BoardState = {
  /** The pages loaded so far for the current view, merged into one. */
  page?: BoardPage;
  /** True while the first page of the current view loads. */
  loading: boolean;
  error?: Error;
  loadingMore: boolean;
  loadMoreError?: Error;
};

function appendItems(items: BoardItem[], more: BoardItem[]): BoardItem[] {
  // The board can change between two requests, so a cursor may repeat an item.
  const seen = new Set(items.map(item => item.entityRef));
  return items.concat(more.filter(item => !seen.has(item.entityRef)));
}

/**
 * Loads the board for a view: the first page whenever the view changes, further
 * pages on `loadMore`. Answers for an older view are ignored, so a slow response
 * never overwrites a newer one.
 */
export function useBoard(view: BoardView) {
  const api = useApi(innerSourceApiRef);
  const viewKey = boardQueryToSearchParams(view).toString();
  const [state, setState] = useState<BoardState>({
    loading: true,
    loadingMore: false,
  });
  const [attempt, setAttempt] = useState(0);
  // Counts view changes; a response whose generation is no longer current is stale.
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    const controller = new AbortController();
    setState(previous => ({
      page: previous.page,
      loading: true,
      loadingMore: false,
    }));
    api
      .getBoard(
        {
          ...searchParamsToBoardQuery(new URLSearchParams(viewKey)),
          limit: BOARD_PAGE_SIZE,
        },
        { signal: controller.signal },
      )
      .then(
        page => {
          if (current === generation.current) {
            setState({ page, loading: false, loadingMore: false });
          }
        },
        error => {
          if (current === generation.current) {
            setState(previous => ({
              page: previous.page,
              loading: false,
              loadingMore: false,
              error,
            }));
          }
        },
      );
    return () => controller.abort();
  }, [api, viewKey, attempt]);

  const cursor = state.page?.nextCursor;
  const loadMore = useCallback(() => {
    if (!cursor) {
      return;
    }
    const current = generation.current;
    setState(previous => ({
      ...previous,
      loadingMore: true,
      loadMoreError: undefined,
    }));
    api
      .getBoard({
        ...searchParamsToBoardQuery(new URLSearchParams(viewKey)),
        limit: BOARD_PAGE_SIZE,
        cursor,
      })
      .then(
        next => {
          if (current === generation.current) {
            setState(previous => ({
              ...previous,
              loadingMore: false,
              page: {
                ...next,
                items: appendItems(previous.page?.items ?? [], next.items),
              },
            }));
          }
        },
        error => {
          if (current === generation.current) {
            setState(previous => ({
              ...previous,
              loadingMore: false,
              loadMoreError: error,
            }));
          }
        },
      );
  }, [api, viewKey, cursor]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);

  return { ...state, loadMore, retry };
}
