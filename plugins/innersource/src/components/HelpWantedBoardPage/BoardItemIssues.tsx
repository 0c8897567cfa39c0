import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { BoardCodeHostFacts } from '@innersource/backstage-plugin-innersource-common';
import { asHttpUrl } from '../../httpUrl';
import { timeAgo } from '../../relativeTime';
import { UntrustedChip, UntrustedText } from '../UntrustedText';

/** Issues listed on a card; the count says how many more there are. */
const ISSUES_SHOWN = 3;

const useStyles = makeStyles(theme => ({
  root: {
    borderTop: `1px solid ${theme.palette.divider}`,
    paddingTop: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
  issues: {
    listStyle: 'none',
    margin: theme.spacing(0.5, 0),
    padding: 0,
  },
  issue: {
    padding: theme.spacing(0.5, 0),
    overflowWrap: 'anywhere',
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.text.secondary,
  },
  chip: {
    maxWidth: '100%',
  },
}));

function countText(openIssues: number): string {
  if (openIssues === 0) {
    return 'No open good-first issues';
  }
  return openIssues === 1
    ? '1 open good-first issue'
    : `${openIssues} open good-first issues`;
}

/**
 * The live good-first issues of a board item, as the code host reported them:
 * how many are open, the newest few and a link to the repository. Titles and
 * labels come from the code host and are shown as text; only http(s) URLs
 * become links.
 */
export function BoardItemIssues(props: {
  facts: BoardCodeHostFacts;
  title: string;
}) {
  const classes = useStyles();
  const { facts } = props;
  const readAgo = timeAgo(facts.readAt);
  const lastCommitAgo = timeAgo(facts.lastCommitAt);
  const repositoryUrl = asHttpUrl(facts.repositoryUrl);
  const issues = (facts.newestIssues ?? []).slice(0, ISSUES_SHOWN);

  return (
    <section
      className={classes.root}
      aria-label={`Good-first issues of ${props.title}`}
    >
      <Typography variant="body2">
        <strong>{countText(facts.openIssues)}</strong>
        {readAgo && ` · as of ${readAgo}`}
      </Typography>
      {issues.length > 0 && (
        <ul className={classes.issues} aria-label="Newest good-first issues">
          {issues.map((issue, index) => {
            const href = asHttpUrl(issue.url);
            const openedAgo = timeAgo(issue.createdAt);
            const title = <UntrustedText>{issue.title}</UntrustedText>;
            return (
              <li key={index} className={classes.issue}>
                <Typography variant="body2">
                  {href ? <Link to={href}>{title}</Link> : title}
                </Typography>
                <Typography
                  variant="caption"
                  component="div"
                  className={classes.meta}
                >
                  {(issue.labels ?? []).map((label, labelIndex) => (
                    <UntrustedChip
                      key={`${labelIndex}-${label}`}
                      size="small"
                      variant="outlined"
                      className={classes.chip}
                      label={label}
                    />
                  ))}
                  {openedAgo && <span>opened {openedAgo}</span>}
                </Typography>
              </li>
            );
          })}
        </ul>
      )}
      <Typography variant="caption" component="p" className={classes.meta}>
        {lastCommitAgo && <span>Last commit {lastCommitAgo}</span>}
        {lastCommitAgo && repositoryUrl && <span aria-hidden> · </span>}
        {repositoryUrl && <Link to={repositoryUrl}>Repository</Link>}
      </Typography>
    </section>
  );
}
