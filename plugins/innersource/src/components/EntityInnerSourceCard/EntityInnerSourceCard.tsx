import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { useInnerSourceAnnotations } from '../../hooks/useInnerSourceAnnotations';
import { ENTITY_TAB_PATH } from '../../routes';
import { SeverityIcon, summarizeProblems } from '../AnnotationProblemsTable';
import { UntrustedChip } from '../UntrustedText';
import { ScorecardSummaryBlock } from '../ScorecardSummaryBlock';
import { InnerSourceBadgeChip } from '../InnerSourceBadgeChip';

const TOP_SKILLS = 5;

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1.5),
  },
  closed: { color: theme.palette.text.secondary },
  chip: {
    maxWidth: '100%',
    margin: theme.spacing(0, 0.5, 0.5, 0),
  },
}));

/**
 * A compact summary for the entity's Overview tab: whether contributions are wanted,
 * how many asks are open, the top skills and how many annotation problems there are,
 * with a link to the InnerSource tab.
 *
 * @public
 */
export function EntityInnerSourceCard() {
  const classes = useStyles();
  const { entity, hasAnnotations, profile, problems } =
    useInnerSourceAnnotations();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute(
    entityRouteParams(entity),
  )}/${ENTITY_TAB_PATH}`;

  const openAsks = profile.asksExpired ? 0 : profile.asks.length;
  const expiredAsks = profile.asksExpired ? profile.asks.length : 0;
  const errors = problems.filter(p => p.severity === 'error').length;
  const skills = profile.skills.slice(0, TOP_SKILLS);
  const moreSkills = profile.skills.length - skills.length;

  return (
    <InfoCard
      title="InnerSource"
      titleTypographyProps={{ component: 'h2' }}
      deepLink={{ title: 'View InnerSource details', link: tabLink }}
    >
      {!hasAnnotations ? (
        <Typography variant="body2">
          No InnerSource annotations yet.{' '}
          <Link to={tabLink}>See how to add them</Link>
        </Typography>
      ) : (
        <>
          <Box className={classes.row}>
            {profile.contributionsWanted ? (
              // Opens the README badge dialog.
              <InnerSourceBadgeChip />
            ) : (
              <>
                <RemoveCircleOutlineIcon className={classes.closed} />
                <Typography variant="body1">
                  Not asking for contributions
                </Typography>
              </>
            )}
          </Box>
          <Typography variant="body2" className={classes.row} component="div">
            {openAsks === 1 ? '1 open ask' : `${openAsks} open asks`}
            {expiredAsks > 0 ? ` (${expiredAsks} expired)` : ''}
          </Typography>
          {skills.length > 0 && (
            <Box
              className={classes.row}
              flexWrap="wrap"
              aria-label="Top skills"
            >
              {skills.map((skill, index) => (
                <UntrustedChip
                  key={`${index}-${skill}`}
                  size="small"
                  label={skill}
                  className={classes.chip}
                />
              ))}
              {moreSkills > 0 && (
                <Typography variant="caption">+{moreSkills} more</Typography>
              )}
            </Box>
          )}
          <Box className={classes.row}>
            {problems.length === 0 ? (
              <Typography variant="body2">No annotation problems</Typography>
            ) : (
              <>
                <SeverityIcon severity={errors > 0 ? 'error' : 'warning'} />
                <Link to={tabLink}>
                  {summarizeProblems(problems)} in the annotations
                </Link>
              </>
            )}
          </Box>
        </>
      )}
      <ScorecardSummaryBlock tabLink={tabLink} />
    </InfoCard>
  );
}
