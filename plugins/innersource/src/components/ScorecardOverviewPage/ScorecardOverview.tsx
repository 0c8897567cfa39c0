import { ChangeEvent } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CrossTeamTotals,
  ScorecardCheck,
  ScorecardLevel,
  ScorecardOverviewSort,
  ScorecardSummary,
  TeamScorecardRollup,
} from '@innersource/backstage-plugin-innersource-common';
import { SCORECARD_OVERVIEW_SORTS } from '../../api';
import { parseCatalogEntityRef } from '../../entityRefs';
import { levelTitle, scoreText } from '../ScorecardCheckStatus';
import { UntrustedText } from '../UntrustedText';
import {
  SCORECARD_PAGE_SIZE,
  ScorecardOverviewView,
  useScorecardOverview,
  useScorecardOverviewView,
} from './useScorecardOverview';

const SORT_LABELS: Record<ScorecardOverviewSort, string> = {
  'score-desc': 'Highest score first',
  'score-asc': 'Lowest score first',
  name: 'Name',
};

/** Failing checks named in a row of the entity table; the rest are counted. */
const FAILING_CHECKS_SHOWN = 3;

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: '12rem' },
  section: { marginBottom: theme.spacing(4) },
  stale: { opacity: 0.6 },
  cell: { overflowWrap: 'anywhere' },
  figure: { whiteSpace: 'nowrap' },
  pager: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

function OwnerLink(props: { owner?: string }) {
  if (!props.owner) {
    return <>No owner</>;
  }
  const ref = parseCatalogEntityRef(props.owner, 'group');
  return ref ? (
    <EntityRefLink
      entityRef={ref}
      defaultKind="group"
      hideIcon
      disableTooltip
    />
  ) : (
    <UntrustedText>{props.owner}</UntrustedText>
  );
}

function EntityLink(props: { item: ScorecardSummary }) {
  const { item } = props;
  const ref = parseCatalogEntityRef(
    `${item.kind}:${item.namespace}/${item.name}`,
  );
  const text = <UntrustedText>{item.title || item.name}</UntrustedText>;
  return ref ? (
    <EntityRefLink entityRef={ref} hideIcon disableTooltip>
      {text}
    </EntityRefLink>
  ) : (
    text
  );
}

function FailingChecks(props: {
  ids: string[];
  checks: Map<string, ScorecardCheck>;
}) {
  const { ids, checks } = props;
  if (ids.length === 0) {
    return <>None</>;
  }
  const shown = ids.slice(0, FAILING_CHECKS_SHOWN);
  const more = ids.length - shown.length;
  return (
    <>
      {shown.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          <UntrustedText>{checks.get(id)?.title ?? id}</UntrustedText>
        </span>
      ))}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

function CrossTeamHeadline(props: { totals: CrossTeamTotals }) {
  const classes = useStyles();
  const { merged, unknown, ratio, windowDays, entitiesReported, pairs } =
    props.totals;
  const window = `last ${windowDays} days`;
  // GitHub's pull requests and GitLab's merge requests count alike here.
  const pullRequests =
    merged === 1 ? 'pull or merge request' : 'pull and merge requests';
  const share =
    ratio === null || merged === 0
      ? `no merged pull or merge requests (${window})`
      : `${Math.round(
          ratio * 100,
        )}% of ${merged} merged ${pullRequests} came from another team (${window})`;
  const unknownText =
    unknown > 0 ? `; ${unknown} by authors with no catalog user` : '';
  return (
    <section
      className={classes.section}
      aria-labelledby="innersource-scorecards-cross-team"
    >
      <Typography
        variant="h6"
        component="h2"
        id="innersource-scorecards-cross-team"
      >
        Cross-team work
      </Typography>
      <Typography variant="body1">
        Cross-team work: {share}
        {unknownText}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Counts only the entities you can see that match the filters;{' '}
        {entitiesReported === 1
          ? '1 of them reported'
          : `${entitiesReported} of them reported`}{' '}
        contributions from the code host.
      </Typography>
      {pairs && pairs.length > 0 && (
        <Table size="small" aria-label="Who contributes to whom">
          <TableHead>
            <TableRow>
              <TableCell>From team</TableCell>
              <TableCell>To team</TableCell>
              <TableCell align="right">
                Merged pull and merge requests
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pairs.map(pair => (
              <TableRow key={`${pair.from} ${pair.to}`}>
                <TableCell component="th" scope="row">
                  <OwnerLink owner={pair.from} />
                </TableCell>
                <TableCell>
                  <OwnerLink owner={pair.to} />
                </TableCell>
                <TableCell align="right">{pair.merged}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function ContributionCell(props: { value?: number }) {
  return (
    <TableCell align="right">
      {props.value === undefined ? (
        <Typography variant="body2" color="textSecondary" component="span">
          Not reported
        </Typography>
      ) : (
        props.value
      )}
    </TableCell>
  );
}

function levelCounts(rollup: TeamScorecardRollup, levels: ScorecardLevel[]) {
  const ordered = [...levels].sort((a, b) => b.rank - a.rank);
  const parts = ordered
    .filter(level => rollup.levels[level.id])
    .map(level => `${level.title}: ${rollup.levels[level.id]}`);
  const known = new Set(levels.map(level => level.id));
  for (const [id, count] of Object.entries(rollup.levels)) {
    if (!known.has(id) && count) {
      parts.push(`${id === 'none' ? 'No level' : id}: ${count}`);
    }
  }
  return parts.join(', ');
}

/** Teams by average score, best first; teams without a score last. */
export function rankTeams(teams: TeamScorecardRollup[]): TeamScorecardRollup[] {
  return [...teams].sort(
    (a, b) =>
      (b.averageScore ?? -1) - (a.averageScore ?? -1) ||
      a.owner.localeCompare(b.owner),
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const classes = useStyles();
  return (
    <TextField
      id={props.id}
      className={classes.select}
      select
      variant="outlined"
      size="small"
      label={props.label}
      value={props.value}
      onChange={(event: ChangeEvent<{ value: unknown }>) =>
        props.onChange(event.target.value as string)
      }
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

function isFiltered(view: ScorecardOverviewView) {
  return Boolean(view.level || view.owner);
}

/**
 * The scorecard overview without page chrome: every scored entity the user may
 * read with its level, score and failing checks, filtered by level and owner and
 * sorted by score on the server, and the teams ranked by average score with
 * the cross-team work they did and received. All of it is kept in the URL's
 * search params.
 */
export function ScorecardOverview() {
  const classes = useStyles();
  const [view, setView] = useScorecardOverviewView();
  const { overview, checks, loading, error, retry } =
    useScorecardOverview(view);
  const levels = overview?.levels ?? [];
  const offset = view.offset ?? 0;

  const owners = new Set((overview?.teams ?? []).map(team => team.owner));
  if (view.owner) {
    owners.add(view.owner);
  }
  const levelOptions = [...levels].sort((a, b) => a.rank - b.rank);
  if (view.level && !levels.some(level => level.id === view.level)) {
    levelOptions.push({
      id: view.level,
      title: view.level,
      description: '',
      rank: 0,
    });
  }

  const toolbar = (
    <div className={classes.toolbar}>
      <Select
        id="innersource-scorecards-level"
        label="Level"
        value={view.level ?? ''}
        onChange={level =>
          setView(v => ({ ...v, level: level || undefined, offset: undefined }))
        }
        options={[
          { value: '', label: 'Any level' },
          ...levelOptions.map(level => ({
            value: level.id,
            label: level.title,
          })),
        ]}
      />
      <Select
        id="innersource-scorecards-owner"
        label="Owner"
        value={view.owner ?? ''}
        onChange={owner =>
          setView(v => ({ ...v, owner: owner || undefined, offset: undefined }))
        }
        options={[
          { value: '', label: 'Any owner' },
          ...Array.from(owners)
            .sort()
            .map(owner => ({ value: owner, label: owner })),
        ]}
      />
      <Select
        id="innersource-scorecards-sort"
        label="Sort"
        value={view.sort ?? SCORECARD_OVERVIEW_SORTS[0]}
        onChange={sort =>
          setView(v => ({
            ...v,
            sort:
              sort === SCORECARD_OVERVIEW_SORTS[0]
                ? undefined
                : (sort as ScorecardOverviewSort),
            offset: undefined,
          }))
        }
        options={SCORECARD_OVERVIEW_SORTS.map(sort => ({
          value: sort,
          label: SORT_LABELS[sort],
        }))}
      />
      <Typography variant="body2" role="status">
        {loading && 'Loading scorecards…'}
        {!loading &&
          overview &&
          !error &&
          (overview.totalItems === 1
            ? '1 scored entity'
            : `${overview.totalItems} scored entities`)}
      </Typography>
    </div>
  );

  let results;
  if (error) {
    results = (
      <>
        <ResponseErrorPanel error={error} />
        <Box mt={2}>
          <Button variant="outlined" onClick={retry}>
            Try again
          </Button>
        </Box>
      </>
    );
  } else if (!overview) {
    results = <Progress />;
  } else if (overview.items.length === 0 && !loading) {
    results = isFiltered(view) ? (
      <EmptyState
        missing="data"
        title="No scored entity matches these filters"
        action={
          <Button
            variant="contained"
            color="primary"
            onClick={() => setView(v => ({ sort: v.sort }))}
          >
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="data"
        title="Nothing scored yet"
        description="Scorecards are computed on a schedule; entities appear here after the first run."
      />
    );
  } else {
    const from = offset + 1;
    const to = offset + overview.items.length;
    // Columns of code-host numbers only where a code host reported some.
    const showContributions =
      Boolean(overview.crossTeam) ||
      overview.teams.some(team => team.contributions);
    results = (
      <>
        {loading && <LinearProgress aria-label="Updating results" />}
        {overview.crossTeam && (
          <CrossTeamHeadline totals={overview.crossTeam} />
        )}
        <section
          className={`${classes.section} ${loading ? classes.stale : ''}`}
          aria-labelledby="innersource-scorecards-entities"
        >
          <Typography
            variant="h6"
            component="h2"
            id="innersource-scorecards-entities"
          >
            Entities
          </Typography>
          <Table size="small" aria-labelledby="innersource-scorecards-entities">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Level</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell>Failing checks</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.items.map(item => (
                <TableRow key={item.entityRef}>
                  <TableCell
                    component="th"
                    scope="row"
                    className={classes.cell}
                  >
                    <EntityLink item={item} />
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <OwnerLink owner={item.owner} />
                  </TableCell>
                  <TableCell className={classes.figure}>
                    {levelTitle(levels, item.level)}
                  </TableCell>
                  <TableCell align="right" className={classes.figure}>
                    {scoreText(item.score)}
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <FailingChecks ids={item.failingChecks} checks={checks} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {overview.totalItems > overview.items.length && (
            <nav className={classes.pager} aria-label="Entity pages">
              <Button
                variant="outlined"
                size="small"
                disabled={offset === 0}
                onClick={() =>
                  setView(v => ({
                    ...v,
                    offset:
                      Math.max(offset - SCORECARD_PAGE_SIZE, 0) || undefined,
                  }))
                }
              >
                Previous
              </Button>
              <Typography variant="body2">
                {from}–{to} of {overview.totalItems}
              </Typography>
              <Button
                variant="outlined"
                size="small"
                disabled={to >= overview.totalItems}
                onClick={() =>
                  setView(v => ({ ...v, offset: offset + SCORECARD_PAGE_SIZE }))
                }
              >
                Next
              </Button>
            </nav>
          )}
        </section>
        <section
          className={classes.section}
          aria-labelledby="innersource-scorecards-teams"
        >
          <Typography
            variant="h6"
            component="h2"
            id="innersource-scorecards-teams"
          >
            Teams
          </Typography>
          <Table size="small" aria-labelledby="innersource-scorecards-teams">
            <TableHead>
              <TableRow>
                <TableCell align="right">Rank</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell align="right">Entities</TableCell>
                <TableCell align="right">Average score</TableCell>
                <TableCell>Entities per level</TableCell>
                {showContributions && (
                  <>
                    <TableCell align="right">
                      Contributions made to other teams
                    </TableCell>
                    <TableCell align="right">
                      Contributions received from other teams
                    </TableCell>
                  </>
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {rankTeams(overview.teams).map((team, index) => (
                <TableRow key={team.owner}>
                  <TableCell align="right">{index + 1}</TableCell>
                  <TableCell
                    component="th"
                    scope="row"
                    className={classes.cell}
                  >
                    <OwnerLink owner={team.owner} />
                  </TableCell>
                  <TableCell align="right">{team.entities}</TableCell>
                  <TableCell align="right">
                    {scoreText(team.averageScore)}
                  </TableCell>
                  <TableCell>{levelCounts(team, levels)}</TableCell>
                  {showContributions && (
                    <>
                      <ContributionCell value={team.contributions?.made} />
                      <ContributionCell value={team.contributions?.received} />
                    </>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      </>
    );
  }

  return (
    <>
      {toolbar}
      {results}
    </>
  );
}
