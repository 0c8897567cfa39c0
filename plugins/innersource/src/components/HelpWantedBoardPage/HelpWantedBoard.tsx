import { ChangeEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { BOARD_SORTS, BoardSort } from '../../api';
import { BoardExportButtons } from './BoardExportButtons';
import { BoardFilters } from './BoardFilters';
import { BoardItemCard } from './BoardItemCard';
import { BoardSearchField } from './BoardSearchField';
import { useBoard } from './useBoard';
import { isFiltered, useBoardView } from './useBoardView';

const SORT_LABELS: Record<BoardSort, string> = {
  relevance: 'Best match',
  newest: 'Newest asks',
  'most-asks': 'Most asks',
  'most-issues': 'Most issues',
  'most-active': 'Most active',
};

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  count: {
    flexGrow: 1,
  },
  sort: {
    minWidth: '11rem',
  },
  results: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 22rem), 1fr))',
    gap: theme.spacing(2),
  },
  stale: {
    opacity: 0.6,
  },
  more: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(3),
  },
}));

function itemHeadingId(index: number) {
  return `innersource-board-item-${index}`;
}

function countText(total: number): string {
  return total === 1
    ? '1 project looking for help'
    : `${total} projects looking for help`;
}

/**
 * The help-wanted board without page chrome: search, filters, sort, export and the
 * projects that ask for help. All of it is kept in the URL's search params.
 */
export function HelpWantedBoard() {
  const classes = useStyles();
  const [view, setView] = useBoardView();
  const board = useBoard(view);
  const { page, loading, error } = board;
  const items = page?.items ?? [];

  const clearFilters = useCallback(
    () => setView(current => ({ sort: current.sort })),
    [setView],
  );
  // Stable props, so that "Load more" renders only the new cards.
  const selectedSkills = useMemo(() => view.skills ?? [], [view.skills]);
  const filterBySkill = useCallback(
    (skill: string) =>
      setView(current => ({
        ...current,
        skills: [...(current.skills ?? []), skill],
      })),
    [setView],
  );

  // After "Load more", move focus to the first new project so keyboard and
  // screen-reader users continue where the list grew.
  const focusIndex = useRef<number>();
  const { loadingMore } = board;
  useEffect(() => {
    const index = focusIndex.current;
    if (index === undefined || loadingMore) {
      return;
    }
    focusIndex.current = undefined;
    if (items.length > index) {
      document
        .getElementById(itemHeadingId(index))
        ?.querySelector('a')
        ?.focus();
    }
  }, [items.length, loadingMore]);
  const loadMore = () => {
    focusIndex.current = items.length;
    board.loadMore();
  };

  let status = '';
  if (loading) {
    status = page ? 'Updating results…' : 'Loading projects…';
  } else if (page && !error) {
    status = countText(page.totalItems);
  }

  let results;
  if (error) {
    results = (
      <>
        <ResponseErrorPanel error={error} />
        <Box mt={2}>
          <Button variant="outlined" onClick={board.retry}>
            Try again
          </Button>
        </Box>
      </>
    );
  } else if (!page) {
    results = <Progress />;
  } else if (items.length === 0 && !loading) {
    results = isFiltered(view) ? (
      <EmptyState
        missing="data"
        title="No team is asking for help with these filters"
        description="Try fewer filters or other words."
        action={
          <Button variant="contained" color="primary" onClick={clearFilters}>
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="data"
        title="No team is asking for help yet"
        description='Projects appear here when their catalog-info.yaml has innersource/contributions-wanted: "true".'
      />
    );
  } else {
    results = (
      <>
        {loading && <LinearProgress aria-label="Updating results" />}
        <ul
          className={`${classes.results} ${loading ? classes.stale : ''}`}
          aria-label="Help-wanted results"
          aria-busy={loading}
        >
          {items.map((item, index) => (
            <li key={item.entityRef}>
              <BoardItemCard
                item={item}
                headingId={itemHeadingId(index)}
                selectedSkills={selectedSkills}
                onSkillClick={filterBySkill}
              />
            </li>
          ))}
        </ul>
        {!loading && (page.nextCursor || board.loadMoreError) && (
          <div className={classes.more}>
            <Button
              variant="outlined"
              onClick={loadMore}
              disabled={board.loadingMore || !page.nextCursor}
            >
              {board.loadingMore ? 'Loading…' : 'Load more'}
            </Button>
            <Typography variant="body2" color="textSecondary">
              Showing {items.length} of {page.totalItems}
            </Typography>
          </div>
        )}
        {board.loadMoreError && (
          <Box mt={2}>
            <WarningPanel
              severity="error"
              title="Could not load more projects"
              message={board.loadMoreError.message}
            />
          </Box>
        )}
      </>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <BoardSearchField
          value={view.text ?? ''}
          onChange={text =>
            setView(v => ({ ...v, text: text || undefined }), {
              replace: true,
            })
          }
        />
      </Grid>
      <Grid item xs={12} md={3}>
        <BoardFilters
          view={view}
          facets={page?.facets}
          onChange={setView}
          onClear={clearFilters}
        />
      </Grid>
      <Grid item xs={12} md={9}>
        <div className={classes.toolbar}>
          <Typography
            role="status"
            aria-live="polite"
            variant="subtitle1"
            className={classes.count}
          >
            {status}
          </Typography>
          <TextField
            id="innersource-board-sort"
            className={classes.sort}
            select
            variant="outlined"
            size="small"
            label="Sort by"
            value={view.sort ?? BOARD_SORTS[0]}
            onChange={(event: ChangeEvent<{ value: unknown }>) => {
              const sort = event.target.value as BoardSort;
              setView(v => ({
                ...v,
                sort: sort === BOARD_SORTS[0] ? undefined : sort,
              }));
            }}
            SelectProps={{ native: true }}
          >
            {BOARD_SORTS.map(sort => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </TextField>
          <BoardExportButtons view={view} />
        </div>
        {results}
      </Grid>
    </Grid>
  );
}
