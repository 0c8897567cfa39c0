import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ContributionSummary,
  EntityCodeHostSummary,
  InnerSourceDuration,
} from '@innersource/backstage-plugin-innersource-common';
import { parseCatalogEntityRef } from '../../entityRefs';
import { asHttpUrl } from '../../httpUrl';
import { isLater, localTime, timeAgo } from '../../relativeTime';
import { UntrustedText } from '../UntrustedText';
import {
  changeRequestNoun,
  codeHostName,
  durationText,
  percentText,
  userLoginAnnotation,
} from './codeHostText';

/** Where installing a code-host module is described. */
export const CODE_HOST_MODULE_DOCS_URL =
  'https://www.npmjs.com/package/@innersource/backstage-plugin-innersource-backend-module-github';

const useStyles = makeStyles(theme => ({
  root: {
    marginTop: theme.spacing(3),
  },
  fields: {
    margin: theme.spacing(1, 0, 0),
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, max-content) minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
  },
  term: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  definition: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  teams: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
  },
  failure: {
    margin: theme.spacing(1, 0),
  },
}));

function Field(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.definition}>
        {props.children}
      </Typography>
    </>
  );
}

function TeamLink(props: { team: string }) {
  const ref = parseCatalogEntityRef(props.team, 'group');
  return ref ? (
    <EntityRefLink
      entityRef={ref}
      defaultKind="group"
      hideIcon
      disableTooltip
    />
  ) : (
    <UntrustedText>{props.team}</UntrustedText>
  );
}

function RepositoryLink(props: { codeHost: EntityCodeHostSummary }) {
  const { repository } = props.codeHost;
  const href = asHttpUrl(repository?.url);
  if (!repository) {
    return null;
  }
  return (
    <Field label="Repository">
      {href ? (
        <Link to={href}>
          <UntrustedText>{repository.slug}</UntrustedText>
        </Link>
      ) : (
        <UntrustedText>{repository.slug}</UntrustedText>
      )}
    </Field>
  );
}

function mergedText(
  summary: ContributionSummary,
  codeHost: EntityCodeHostSummary,
): string {
  const window = `last ${summary.windowDays} days`;
  const noun = changeRequestNoun(codeHost.repository, summary.merged);
  if (summary.merged === 0 || summary.crossTeamRatio === null) {
    return `No merged ${changeRequestNoun(codeHost.repository, 0)} (${window})`;
  }
  return `${summary.outside} of ${
    summary.merged
  } merged ${noun} came from other teams, ${percentText(
    summary.crossTeamRatio,
  )}, ${window}`;
}

function FirstResponse(props: {
  summary: ContributionSummary;
  promise?: InnerSourceDuration;
}) {
  const { summary, promise } = props;
  const median = summary.medianFirstResponseHours;
  if (median === null) {
    return (
      <>
        No outside contribution to respond to in the last {summary.windowDays}{' '}
        days
      </>
    );
  }
  const samples =
    summary.responseSamples === 1
      ? '1 outside contribution'
      : `${summary.responseSamples} outside contributions`;
  let comparison: ReactNode;
  if (!promise) {
    comparison = (
      <>
        ; the promise is the default, as <code>innersource/response-time</code>{' '}
        is not set
      </>
    );
  } else {
    comparison = (
      <>
        ; {median <= promise.hours ? 'within' : 'slower than'} the promised{' '}
        <UntrustedText>{promise.text}</UntrustedText> (
        <code>innersource/response-time</code>)
      </>
    );
  }
  return (
    <>
      Median {durationText(median)} over {samples}
      {comparison}
    </>
  );
}

function UnknownAuthors(props: {
  summary: ContributionSummary;
  codeHost: EntityCodeHostSummary;
}) {
  const { summary, codeHost } = props;
  const logins = summary.unknownLogins;
  const annotation = userLoginAnnotation(codeHost.repository);
  return (
    <>
      {summary.unknown} merged by authors with no catalog user
      {logins.length > 0 && ': '}
      {logins.map((login, index) => (
        <span key={`${index}-${login}`}>
          {index > 0 && ', '}
          <UntrustedText>{login}</UntrustedText>
        </span>
      ))}
      {' — add '}
      <code>
        {annotation}: {'<login>'}
      </code>{' '}
      to their User entity
    </>
  );
}

function Contributions(props: {
  summary: ContributionSummary;
  codeHost: EntityCodeHostSummary;
  promise?: InnerSourceDuration;
}) {
  const classes = useStyles();
  const { summary, codeHost, promise } = props;
  return (
    <>
      <Field label="From other teams">
        {mergedText(summary, codeHost)}
        {summary.truncated &&
          `. ${codeHostName(
            codeHost.repository,
          )} had more than were read, so these counts are lower bounds`}
      </Field>
      {summary.contributingTeams.length > 0 && (
        <Field label="Contributing teams">
          <ul className={classes.teams} aria-label="Contributing teams">
            {summary.contributingTeams.map(({ team, merged }) => (
              <li key={team}>
                <TeamLink team={team} />: {merged} merged
              </li>
            ))}
          </ul>
        </Field>
      )}
      {summary.unknown > 0 && (
        <Field label="Unknown authors">
          <UnknownAuthors summary={summary} codeHost={codeHost} />
        </Field>
      )}
      <Field label="First response">
        <FirstResponse summary={summary} promise={promise} />
      </Field>
    </>
  );
}

function FreshFacts(props: {
  codeHost: EntityCodeHostSummary;
  promise?: InnerSourceDuration;
}) {
  const classes = useStyles();
  const { codeHost, promise } = props;
  const readAgo = timeAgo(codeHost.readAt);
  const failedAt = localTime(codeHost.lastFailureAt);
  const failedSinceRead =
    codeHost.lastFailure && isLater(codeHost.lastFailureAt, codeHost.readAt);
  const lastCommitAgo = timeAgo(codeHost.lastCommitAt);

  return (
    <>
      {failedSinceRead && codeHost.lastFailure && (
        <Typography variant="body2" role="alert" className={classes.failure}>
          {codeHostName(codeHost.repository)} could not be read
          {failedAt && ` at ${failedAt}`}:{' '}
          <UntrustedText>{codeHost.lastFailure}</UntrustedText>; showing facts
          {readAgo ? ` as of ${readAgo}` : ' of the last good read'}
        </Typography>
      )}
      {readAgo && (
        <Typography variant="body2" color="textSecondary">
          As of {readAgo}, read from {codeHostName(codeHost.repository)}
        </Typography>
      )}
      <dl className={classes.fields}>
        {codeHost.contributions ? (
          <Contributions
            summary={codeHost.contributions}
            codeHost={codeHost}
            promise={promise}
          />
        ) : (
          <Field label="From other teams">
            {codeHostName(codeHost.repository)} did not report pull requests
          </Field>
        )}
        {codeHost.lastCommitAt === null && (
          <Field label="Last commit">No commits yet</Field>
        )}
        {lastCommitAgo && (
          <Field label="Last commit">
            {lastCommitAgo}
            {readAgo && ` (as of ${readAgo})`}
          </Field>
        )}
        {typeof codeHost.openIssues === 'number' && (
          <Field label="Open good-first issues">{codeHost.openIssues}</Field>
        )}
        <RepositoryLink codeHost={codeHost} />
      </dl>
    </>
  );
}

function StateText(props: { children: ReactNode }) {
  return <Typography variant="body2">{props.children}</Typography>;
}

/**
 * The entity's contributions as the code host showed them: merged pull
 * requests from other teams and their share, the teams they came from, authors
 * the catalog does not know (with the fix), the first response against the
 * promise and the last commit, each with the age of the read. When the facts
 * are missing or too old it says so and why, and never shows them as zeros.
 */
export function CodeHostContributions(props: {
  codeHost?: EntityCodeHostSummary;
  promise?: InnerSourceDuration;
}) {
  const classes = useStyles();
  const { codeHost, promise } = props;

  let content: ReactNode;
  if (!codeHost) {
    content = (
      <StateText>
        No code-host facts: install the GitHub or GitLab module.{' '}
        <Link to={CODE_HOST_MODULE_DOCS_URL}>
          How to install a code-host module
        </Link>
      </StateText>
    );
  } else if (codeHost.status === 'pending') {
    const failedAt = localTime(codeHost.lastFailureAt);
    content = (
      <>
        <StateText>Not read from the code host yet.</StateText>
        {codeHost.lastFailure && (
          <Typography variant="body2" role="alert" className={classes.failure}>
            The last attempt{failedAt && ` at ${failedAt}`} failed:{' '}
            <UntrustedText>{codeHost.lastFailure}</UntrustedText>
          </Typography>
        )}
        <dl className={classes.fields}>
          <RepositoryLink codeHost={codeHost} />
        </dl>
      </>
    );
  } else if (codeHost.status === 'unavailable') {
    content = (
      <StateText>
        {codeHost.reason ? (
          <UntrustedText>{codeHost.reason}</UntrustedText>
        ) : (
          'No code-host module can read this repository.'
        )}
      </StateText>
    );
  } else if (codeHost.status === 'expired') {
    const readAgo = timeAgo(codeHost.readAt);
    content = (
      <>
        <StateText>
          {readAgo ? `Last read ${readAgo}` : 'Last read at an unknown time'};
          older than the maximum age, so it no longer counts.
        </StateText>
        {codeHost.lastFailure && (
          <StateText>
            Last attempt
            {localTime(codeHost.lastFailureAt) &&
              ` at ${localTime(codeHost.lastFailureAt)}`}
            : <UntrustedText>{codeHost.lastFailure}</UntrustedText>
          </StateText>
        )}
        <dl className={classes.fields}>
          <RepositoryLink codeHost={codeHost} />
        </dl>
      </>
    );
  } else {
    content = <FreshFacts codeHost={codeHost} promise={promise} />;
  }

  return (
    <section
      className={classes.root}
      aria-labelledby="innersource-contributions"
    >
      <Typography variant="h6" component="h3" id="innersource-contributions">
        Contributions
      </Typography>
      {content}
    </section>
  );
}
