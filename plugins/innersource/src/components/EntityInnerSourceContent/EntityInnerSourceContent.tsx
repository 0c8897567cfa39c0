import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  InnerSourceChat,
  InnerSourceLicense,
  InnerSourceProfile,
  AnnotationProblem,
} from '@innersource/backstage-plugin-innersource-common';
import { useInnerSourceAnnotations } from '../../hooks/useInnerSourceAnnotations';
import { useContributionGuideUrl } from '../../hooks/useContributionGuideUrl';
import { asHttpUrl } from '../../httpUrl';
import {
  AnnotationProblemsTable,
  summarizeProblems,
} from '../AnnotationProblemsTable';
import { InnerSourceEmptyState } from '../InnerSourceEmptyState';
import { UntrustedChip, UntrustedText } from '../UntrustedText';
import { EntityScorecardContent } from '../EntityScorecardContent';

const useStyles = makeStyles(theme => ({
  fields: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, max-content) minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1.5),
  },
  term: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  definition: {
    margin: 0,
    minWidth: 0,
  },
  chip: {
    maxWidth: '100%',
    margin: theme.spacing(0, 0.5, 0.5, 0),
  },
  asks: {
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
  },
  ask: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  expiredAsk: {
    opacity: 0.6,
    textDecoration: 'line-through',
  },
  notSet: {
    color: theme.palette.text.secondary,
  },
}));

/** A label and its value, as one row of a description list. */
function Field(props: { label: ReactNode; children: ReactNode }) {
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

function NotSet() {
  const classes = useStyles();
  return <span className={classes.notSet}>Not set</span>;
}

function Chips(props: { values: string[]; label: string }) {
  const classes = useStyles();
  if (props.values.length === 0) {
    return <NotSet />;
  }
  return (
    <Box
      component="span"
      display="flex"
      flexWrap="wrap"
      aria-label={props.label}
    >
      {props.values.map((value, index) => (
        <UntrustedChip
          key={`${index}-${value}`}
          size="small"
          label={value}
          className={classes.chip}
        />
      ))}
    </Box>
  );
}

function ExternalLinkOrText(props: { url: string }) {
  const href = asHttpUrl(props.url);
  return href ? (
    <Link to={href}>
      <UntrustedText>{props.url}</UntrustedText>
    </Link>
  ) : (
    <UntrustedText>{props.url}</UntrustedText>
  );
}

function ContributionGuide(props: {
  entity: Entity;
  profile: InnerSourceProfile;
}) {
  const { contributing } = props.profile;
  const href = useContributionGuideUrl(props.entity, contributing);
  if (!contributing) {
    return <NotSet />;
  }
  const text =
    contributing.type === 'url' ? contributing.url : contributing.path;
  return href ? (
    <Link to={href}>
      <UntrustedText>{text}</UntrustedText>
    </Link>
  ) : (
    <UntrustedText>{text}</UntrustedText>
  );
}

function Chat(props: { chat?: InnerSourceChat }) {
  if (!props.chat) {
    return <NotSet />;
  }
  return props.chat.type === 'url' ? (
    <ExternalLinkOrText url={props.chat.url} />
  ) : (
    <UntrustedText>{props.chat.name}</UntrustedText>
  );
}

function License(props: { license?: InnerSourceLicense }) {
  const { license } = props;
  if (!license) {
    return <NotSet />;
  }
  switch (license.type) {
    case 'internal':
      return <>Internal (InnerSource)</>;
    case 'spdx':
      return <UntrustedText>{license.id}</UntrustedText>;
    default:
      return <ExternalLinkOrText url={license.url} />;
  }
}

function HelpWantedCard(props: { profile: InnerSourceProfile }) {
  const classes = useStyles();
  const { profile } = props;
  const until = profile.asksValidUntil;
  return (
    <InfoCard
      title="Help wanted"
      titleTypographyProps={{ component: 'h2' }}
      variant="gridItem"
    >
      <dl className={classes.fields}>
        <Field label="Contributions wanted">
          {profile.contributionsWanted ? 'Yes' : 'No'}
        </Field>
        <Field label="Help wanted until">
          {until ? (
            <>
              <UntrustedText>{until}</UntrustedText>
              {profile.asksExpired ? ' (expired)' : ''}
            </>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label="Skills">
          <Chips values={profile.skills} label="Skills" />
        </Field>
        <Field label="Contribution types">
          <Chips
            values={profile.contributionTypes}
            label="Contribution types"
          />
        </Field>
        <Field label="Issue labels">
          <Chips values={profile.issueLabels} label="Issue labels" />
        </Field>
      </dl>
      <Box mt={2}>
        <Typography variant="h6" component="h3">
          Asks
        </Typography>
        {profile.asksExpired && until && (
          <Typography variant="body2" color="error">
            Expired on <UntrustedText>{until}</UntrustedText>
          </Typography>
        )}
        {profile.asks.length === 0 ? (
          <Typography variant="body2">
            <NotSet />
          </Typography>
        ) : (
          <ul className={classes.asks} aria-label="Asks">
            {profile.asks.map((ask, index) => (
              <li key={index} className={classes.ask}>
                {ask.type && (
                  <UntrustedChip
                    size="small"
                    color="primary"
                    variant="outlined"
                    label={ask.type}
                  />
                )}
                <Typography
                  variant="body2"
                  className={
                    profile.asksExpired ? classes.expiredAsk : undefined
                  }
                >
                  <UntrustedText>{ask.text}</UntrustedText>
                  {profile.asksExpired ? ' (expired)' : ''}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Box>
    </InfoCard>
  );
}

function HowToContributeCard(props: {
  entity: Entity;
  profile: InnerSourceProfile;
}) {
  const classes = useStyles();
  const { entity, profile } = props;
  return (
    <InfoCard
      title="How to contribute"
      titleTypographyProps={{ component: 'h2' }}
      variant="gridItem"
    >
      <dl className={classes.fields}>
        <Field label="Contribution guide">
          <ContributionGuide entity={entity} profile={profile} />
        </Field>
        <Field label="Chat">
          <Chat chat={profile.chat} />
        </Field>
        <Field label="Trusted committers">
          {profile.trustedCommitters.length > 0 ? (
            <EntityRefLinks entityRefs={profile.trustedCommitters} />
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label="Response time">
          {profile.responseTime ? (
            <UntrustedText>{profile.responseTime.text}</UntrustedText>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label="Warranty">
          {profile.warranty ? (
            <UntrustedText>{profile.warranty.text}</UntrustedText>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label="License">
          <License license={profile.license} />
        </Field>
      </dl>
    </InfoCard>
  );
}

function ExemptionsCard(props: { profile: InnerSourceProfile }) {
  const classes = useStyles();
  return (
    <InfoCard
      title="Scorecard exemptions"
      titleTypographyProps={{ component: 'h2' }}
    >
      <dl className={classes.fields}>
        {props.profile.exemptions.map((exemption, index) => (
          <Field
            key={index}
            label={
              <code>
                <UntrustedText>{exemption.checkId}</UntrustedText>
              </code>
            }
          >
            <UntrustedText>{exemption.reason}</UntrustedText>
          </Field>
        ))}
      </dl>
    </InfoCard>
  );
}

function ProblemsCard(props: { problems: AnnotationProblem[] }) {
  const summary = summarizeProblems(props.problems);
  return (
    <InfoCard
      title="Annotation problems"
      titleTypographyProps={{ component: 'h2' }}
      subheader={summary || undefined}
    >
      <AnnotationProblemsTable problems={props.problems} />
    </InfoCard>
  );
}

/**
 * The entity's InnerSource tab: its contribution profile as read from the
 * `innersource/*` annotations, every problem in them with the fix, or a snippet to
 * start from when it has none.
 *
 * @public
 */
export function EntityInnerSourceContent() {
  const { entity, hasAnnotations, profile, problems } =
    useInnerSourceAnnotations();

  if (!hasAnnotations) {
    // Entities are scored with or without annotations; the scorecard says what to add.
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InnerSourceEmptyState entity={entity} />
        </Grid>
        <Grid item xs={12}>
          <EntityScorecardContent />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <ProblemsCard problems={problems} />
      </Grid>
      <Grid item xs={12} md={6}>
        <HelpWantedCard profile={profile} />
      </Grid>
      <Grid item xs={12} md={6}>
        <HowToContributeCard entity={entity} profile={profile} />
      </Grid>
      {profile.exemptions.length > 0 && (
        <Grid item xs={12}>
          <ExemptionsCard profile={profile} />
        </Grid>
      )}
      <Grid item xs={12}>
        <EntityScorecardContent />
      </Grid>
    </Grid>
  );
}
