import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CheckResult,
  EntityScorecard,
  ScorecardCheck,
  ScorecardChecksResponse,
  ScorecardLevel,
} from '@innersource/backstage-plugin-innersource-common';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { asHttpUrl } from '../../httpUrl';
import {
  levelTitle,
  NextLevelExplanation,
  ScorecardCheckStatus,
  scoreText,
} from '../ScorecardCheckStatus';
import { ScorecardHistoryChart } from '../ScorecardHistoryChart';
import { UntrustedText } from '../UntrustedText';
import { useInnerSourceAnnotations } from '../../hooks/useInnerSourceAnnotations';
import { CodeHostContributions } from './CodeHostContributions';
import { RecomputeButton } from './RecomputeButton';
import { useScorecardHistory } from './useScorecardHistory';

const useStyles = makeStyles(theme => ({
  standing: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    marginBottom: theme.spacing(2),
  },
  figure: {
    fontSize: theme.typography.h5.fontSize,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  level: {
    marginTop: theme.spacing(3),
  },
  cell: {
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  },
  status: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  srOnly: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

type ResultRow = { check?: ScorecardCheck; result: CheckResult };

/** The results grouped by the level of their check, lowest rank first. */
function groupByLevel(
  scorecard: EntityScorecard,
  checks: ScorecardChecksResponse,
): { level?: ScorecardLevel; rows: ResultRow[] }[] {
  const checksById = new Map(checks.checks.map(check => [check.id, check]));
  const levels = [...checks.levels].sort((a, b) => a.rank - b.rank);
  const groups = levels.map(level => ({
    level: level as ScorecardLevel | undefined,
    rows: [] as ResultRow[],
  }));
  const other: ResultRow[] = [];
  for (const result of scorecard.results) {
    const check = checksById.get(result.checkId);
    const group = groups.find(g => g.level?.id === check?.level);
    (group ? group.rows : other).push({ check, result });
  }
  if (other.length > 0) {
    groups.push({ level: undefined, rows: other });
  }
  return groups.filter(group => group.rows.length > 0);
}

function heldText(
  level: ScorecardLevel,
  scorecard: EntityScorecard,
  levels: ScorecardLevel[],
): string {
  const held = levels.find(l => l.id === scorecard.level);
  return held && held.rank >= level.rank ? 'held' : 'not held';
}

function CheckRow(props: { row: ResultRow }) {
  const classes = useStyles();
  const { check, result } = props.row;
  const docsUrl = asHttpUrl(check?.docsUrl);
  const needsFix = result.status === 'fail' || result.status === 'warn';
  return (
    <TableRow>
      <TableCell component="th" scope="row" className={classes.cell}>
        <Typography variant="body2">
          <strong>
            <UntrustedText>{check?.title ?? result.checkId}</UntrustedText>
          </strong>
          {check?.optional && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="span"
              title="While not reported, it does not keep the entity from its level"
            >
              {' '}
              optional
            </Typography>
          )}
        </Typography>
        {check?.description && (
          <Typography variant="caption" color="textSecondary">
            <UntrustedText>{check.description}</UntrustedText>
          </Typography>
        )}
      </TableCell>
      <TableCell className={classes.status}>
        <ScorecardCheckStatus status={result.status} />
      </TableCell>
      <TableCell className={classes.cell}>
        <Typography variant="body2">
          <UntrustedText>{result.evidence}</UntrustedText>
        </Typography>
        {result.exemptionReason && (
          <Typography variant="body2">
            Exemption reason:{' '}
            <UntrustedText>{result.exemptionReason}</UntrustedText>
          </Typography>
        )}
      </TableCell>
      <TableCell className={classes.cell}>
        {needsFix && check?.remediation && (
          <Typography variant="body2">
            <UntrustedText>{check.remediation}</UntrustedText>
          </Typography>
        )}
        {docsUrl && (
          <Typography variant="body2">
            <Link to={docsUrl}>
              {'Docs '}
              <span className={classes.srOnly}>
                for{' '}
                <UntrustedText>{check?.title ?? result.checkId}</UntrustedText>
              </span>
            </Link>
          </Typography>
        )}
      </TableCell>
    </TableRow>
  );
}

function Scorecard(props: {
  entityRef: string;
  scorecard: EntityScorecard;
  checks: ScorecardChecksResponse;
  historyVersion: number;
}) {
  const classes = useStyles();
  const { scorecard, checks } = props;
  const history = useScorecardHistory(props.entityRef, props.historyVersion);
  const { profile } = useInnerSourceAnnotations();
  const levels = checks.levels;
  const heldLevel = levels.find(l => l.id === scorecard.level);
  const nextLevel = scorecard.nextLevel;

  return (
    <>
      <div className={classes.standing}>
        <div>
          <Typography variant="overline" component="p">
            Level
          </Typography>
          <Typography className={classes.figure} component="p">
            {levelTitle(levels, scorecard.level)}
          </Typography>
          {heldLevel && (
            <Typography variant="caption" color="textSecondary">
              <UntrustedText>{heldLevel.description}</UntrustedText>
            </Typography>
          )}
        </div>
        <div>
          <Typography variant="overline" component="p">
            Score
          </Typography>
          <Typography className={classes.figure} component="p">
            {scoreText(scorecard.score)}
          </Typography>
        </div>
        {nextLevel && (
          <div>
            <Typography variant="overline" component="p">
              Next level
            </Typography>
            <Typography className={classes.figure} component="p">
              {levelTitle(levels, nextLevel.id)}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {nextLevel.blockingChecks.length === 1
                ? '1 check stands in the way'
                : `${nextLevel.blockingChecks.length} checks stand in the way`}
            </Typography>
          </div>
        )}
      </div>
      {nextLevel && (
        <section aria-label="What the next level needs">
          <NextLevelExplanation
            scorecard={scorecard}
            checks={checks.checks}
            levels={levels}
          />
        </section>
      )}

      <CodeHostContributions
        codeHost={scorecard.codeHost}
        promise={profile.responseTime}
      />

      <Typography variant="h6" component="h3" className={classes.level}>
        Score history
      </Typography>
      {history.error ? (
        <Typography variant="body2" color="error">
          Could not load the history: {history.error.message}
        </Typography>
      ) : (
        history.history && (
          <ScorecardHistoryChart points={history.history.points} />
        )
      )}

      {groupByLevel(scorecard, checks).map(({ level, rows }) => (
        <section key={level?.id ?? 'other'} className={classes.level}>
          <Typography variant="h6" component="h3">
            {level ? (
              <>
                <UntrustedText>{level.title}</UntrustedText> (
                {heldText(level, scorecard, levels)})
              </>
            ) : (
              'Other checks'
            )}
          </Typography>
          <Table size="small" aria-label={`${level?.title ?? 'Other'} checks`}>
            <TableHead>
              <TableRow>
                <TableCell>Check</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Evidence</TableCell>
                <TableCell>What to do</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <CheckRow key={row.result.checkId} row={row} />
              ))}
            </TableBody>
          </Table>
        </section>
      ))}

      {scorecard.unknownExemptions.length > 0 && (
        <section className={classes.level}>
          <Typography variant="h6" component="h3">
            Exemptions for unknown checks
          </Typography>
          <ul>
            {scorecard.unknownExemptions.map((exemption, index) => (
              <li key={index}>
                <Typography variant="body2">
                  <code>
                    <UntrustedText>{exemption.checkId}</UntrustedText>
                  </code>{' '}
                  is not a check
                  {exemption.didYouMean && (
                    <>
                      ; did you mean{' '}
                      <code>
                        <UntrustedText>{exemption.didYouMean}</UntrustedText>
                      </code>
                      ?
                    </>
                  )}
                </Typography>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * The entity's full scorecard for its InnerSource tab: level, score, history and
 * every check grouped by level with status, evidence, remediation, docs and
 * exemption reason; a "Recompute" button for users allowed to refresh it.
 */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { loading, error, checks, scorecard, retry, replace } =
    useEntityScorecard(entityRef);
  const [historyVersion, setHistoryVersion] = useState(0);
  const onRecomputed = (recomputed: EntityScorecard) => {
    replace(recomputed);
    setHistoryVersion(n => n + 1);
  };

  let content;
  if (loading) {
    content = <Progress aria-label="Loading the scorecard" />;
  } else if (error) {
    content = (
      <>
        <ResponseErrorPanel error={error} />
        <Box mt={2}>
          <Button variant="outlined" onClick={retry}>
            Try again
          </Button>
        </Box>
      </>
    );
  } else if (!scorecard || !checks) {
    content = (
      <>
        <Typography variant="body1">Not scored yet.</Typography>
        <Typography variant="body2" color="textSecondary">
          Scorecards are computed on a schedule; this entity has not been
          scored, or is not among the entities the scorecards cover.
        </Typography>
        <Box mt={2}>
          <RecomputeButton
            entityRef={entityRef}
            label="Score now"
            onRecomputed={onRecomputed}
          />
        </Box>
      </>
    );
  } else {
    content = (
      <Scorecard
        entityRef={entityRef}
        scorecard={scorecard}
        checks={checks}
        historyVersion={historyVersion}
      />
    );
  }

  return (
    <InfoCard
      title="Scorecard"
      titleTypographyProps={{ component: 'h2' }}
      subheader={
        scorecard
          ? `Computed ${new Date(scorecard.computedAt).toLocaleString()}`
          : undefined
      }
      action={
        scorecard ? (
          <Box mt={1} mr={1}>
            <RecomputeButton
              entityRef={entityRef}
              onRecomputed={onRecomputed}
            />
          </Box>
        ) : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
