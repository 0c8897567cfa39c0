import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import {
  levelTitle,
  NextLevelExplanation,
  ScorecardCheckStatus,
  scoreText,
} from '../ScorecardCheckStatus';
import { UntrustedText } from '../UntrustedText';
import { mostImportantFailingChecks } from './mostImportantFailingChecks';

/** How many failing checks the card lists. */
const TOP_FAILING_CHECKS = 3;

const useStyles = makeStyles(theme => ({
  root: {
    borderTop: `1px solid ${theme.palette.divider}`,
    paddingTop: theme.spacing(1.5),
    marginTop: theme.spacing(1.5),
  },
  standing: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: theme.spacing(0.5, 0, 1),
  },
  fixes: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  fix: {
    padding: theme.spacing(0.5, 0),
  },
  fixTitle: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

/**
 * The scorecard in brief for the entity's InnerSource card: level, score and the
 * failing checks to fix first with their remediation, linking to the full
 * scorecard on the InnerSource tab.
 */
export function ScorecardSummaryBlock(props: { tabLink: string }) {
  const classes = useStyles();
  const { entity } = useEntity();
  const { loading, error, checks, scorecard, retry } = useEntityScorecard(
    stringifyEntityRef(entity),
  );

  let body;
  if (loading) {
    body = <Progress aria-label="Loading the scorecard" />;
  } else if (error) {
    body = (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body2" color="error">
          Could not load the scorecard: {error.message}
        </Typography>
        <Button size="small" variant="outlined" onClick={retry}>
          Try again
        </Button>
      </Box>
    );
  } else if (!scorecard || !checks) {
    body = (
      <Typography variant="body2">
        Not scored yet. Scores are computed on a schedule; see the{' '}
        <Link to={props.tabLink}>InnerSource tab</Link>.
      </Typography>
    );
  } else {
    const failing = mostImportantFailingChecks(
      scorecard,
      checks.checks,
      TOP_FAILING_CHECKS,
    );
    body = (
      <>
        <Typography
          variant="body2"
          component="div"
          className={classes.standing}
        >
          <span>
            Level: <strong>{levelTitle(checks.levels, scorecard.level)}</strong>
          </span>
          <span>
            Score: <strong>{scoreText(scorecard.score)}</strong>
          </span>
        </Typography>
        <Box mb={1}>
          <NextLevelExplanation
            scorecard={scorecard}
            checks={checks.checks}
            levels={checks.levels}
          />
        </Box>
        {failing.length === 0 ? (
          <Typography variant="body2">No failing checks.</Typography>
        ) : (
          <ul className={classes.fixes} aria-label="Checks to fix first">
            {failing.map(({ check, result, blocking }) => (
              <li key={result.checkId} className={classes.fix}>
                <Typography
                  variant="body2"
                  component="div"
                  className={classes.fixTitle}
                >
                  <strong>
                    <UntrustedText>
                      {check?.title ?? result.checkId}
                    </UntrustedText>
                  </strong>
                  <ScorecardCheckStatus status={result.status} />
                  {check?.optional && (
                    <Typography variant="caption" color="textSecondary">
                      optional
                    </Typography>
                  )}
                  {blocking && scorecard.nextLevel && (
                    <Typography variant="caption" color="textSecondary">
                      blocks {levelTitle(checks.levels, scorecard.nextLevel.id)}
                    </Typography>
                  )}
                </Typography>
                {result.status === 'not-reported' ? (
                  // Its evidence says which fact is missing and how to provide it.
                  <Typography variant="body2" color="textSecondary">
                    <UntrustedText>{result.evidence}</UntrustedText>
                  </Typography>
                ) : (
                  check?.remediation && (
                    <Typography variant="body2" color="textSecondary">
                      <UntrustedText>{check.remediation}</UntrustedText>
                    </Typography>
                  )
                )}
              </li>
            ))}
          </ul>
        )}
        <Box mt={1}>
          <Typography variant="body2">
            <Link to={props.tabLink}>See the full scorecard</Link>
          </Typography>
        </Box>
      </>
    );
  }

  return (
    <section
      className={classes.root}
      aria-labelledby="innersource-scorecard-summary"
    >
      <Typography
        variant="subtitle2"
        component="h3"
        id="innersource-scorecard-summary"
      >
        Scorecard
      </Typography>
      {body}
    </section>
  );
}
