import { memo, ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { BoardItem } from '../../api';
import { parseCatalogEntityRef } from '../../entityRefs';
import { asHttpUrl } from '../../httpUrl';
import { UntrustedChip, UntrustedText } from '../UntrustedText';
import { BoardItemIssues } from './BoardItemIssues';
import { OfferHelpButton } from './OfferHelpButton';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
  },
  title: {
    overflowWrap: 'anywhere',
  },
  byline: {
    color: theme.palette.text.secondary,
    marginBottom: theme.spacing(1),
  },
  description: {
    marginBottom: theme.spacing(1.5),
  },
  asks: {
    listStyle: 'none',
    margin: theme.spacing(0, 0, 1.5),
    padding: 0,
  },
  ask: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
    minWidth: 0,
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginBottom: theme.spacing(1),
  },
  chipsLabel: {
    marginRight: theme.spacing(0.5),
  },
  chip: {
    maxWidth: '100%',
  },
  actions: {
    marginTop: theme.spacing(2),
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(1, 0, 0),
    '& dt': {
      fontWeight: theme.typography.fontWeightMedium as number,
      display: 'inline',
    },
    '& dd': {
      display: 'inline',
      margin: theme.spacing(0, 0, 0, 0.5),
      overflowWrap: 'anywhere',
    },
  },
}));

/** A link to the entity's catalog page, or its ref as text when it is not valid. */
function EntityLink(props: { entityRef: string; defaultKind: string }) {
  const ref = parseCatalogEntityRef(props.entityRef, props.defaultKind);
  if (!ref) {
    return <UntrustedText>{props.entityRef}</UntrustedText>;
  }
  return (
    <EntityRefLink
      entityRef={ref}
      defaultKind={props.defaultKind}
      hideIcon
      disableTooltip
    />
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function ContributionGuideFact(props: { item: BoardItem }) {
  const { contributing } = props.item;
  if (!contributing) {
    return null;
  }
  if (contributing.type === 'url') {
    const href = asHttpUrl(contributing.url);
    return href ? (
      <Fact label="Contribution guide">
        <Link to={href}>Read the guide</Link>
      </Fact>
    ) : null;
  }
  // A repository path the backend could not turn into a URL: shown, not linked.
  return (
    <Fact label="Contribution guide">
      <UntrustedText>{contributing.path}</UntrustedText>
    </Fact>
  );
}

function ChatFact(props: { item: BoardItem }) {
  const { chat } = props.item;
  if (!chat) {
    return null;
  }
  if (chat.type === 'channel') {
    return (
      <Fact label="Chat">
        <UntrustedText>{chat.name}</UntrustedText>
      </Fact>
    );
  }
  const href = asHttpUrl(chat.url);
  return href ? (
    <Fact label="Chat">
      <Link to={href}>Talk to the maintainers</Link>
    </Fact>
  ) : null;
}

function hasFacts(item: BoardItem): boolean {
  const contributing = item.contributing;
  const chat = item.chat;
  return Boolean(
    item.responseTime ||
      item.asksValidUntil ||
      (contributing &&
        (contributing.type === 'repo-path' || asHttpUrl(contributing.url))) ||
      (chat && (chat.type === 'channel' || asHttpUrl(chat.url))),
  );
}

/**
 * One project on the board: who owns it, what they ask for, the skills and kinds of
 * help they want, and how to get in touch. Clicking a skill filters the board by it.
 * Memoised: "Load more" appends cards, and a long board must not render the
 * ones already shown again.
 */
function BoardItemCardView(props: {
  item: BoardItem;
  headingId: string;
  selectedSkills: string[];
  onSkillClick: (skill: string) => void;
}) {
  const classes = useStyles();
  const { item, headingId, selectedSkills, onSkillClick } = props;
  const title = item.title || item.name;
  const entityRef =
    parseCatalogEntityRef(item.entityRef) ??
    parseCatalogEntityRef(`${item.kind}:${item.namespace}/${item.name}`);

  return (
    <Card
      component="article"
      variant="outlined"
      className={classes.card}
      aria-labelledby={headingId}
    >
      <CardContent>
        <Typography
          variant="h6"
          component="h2"
          id={headingId}
          className={classes.title}
        >
          {entityRef ? (
            <EntityRefLink entityRef={entityRef} hideIcon disableTooltip>
              <UntrustedText>{title}</UntrustedText>
            </EntityRefLink>
          ) : (
            <UntrustedText>{title}</UntrustedText>
          )}
        </Typography>
        <Typography variant="body2" className={classes.byline}>
          <UntrustedText>{item.kind}</UntrustedText>
          {item.owner && (
            <>
              {' · owned by '}
              <EntityLink entityRef={item.owner} defaultKind="group" />
            </>
          )}
          {item.system && (
            <>
              {' · part of '}
              <EntityLink entityRef={item.system} defaultKind="system" />
            </>
          )}
        </Typography>
        {item.description && (
          <Typography variant="body2" className={classes.description}>
            <UntrustedText>{item.description}</UntrustedText>
          </Typography>
        )}

        {item.asks.length > 0 && (
          <ul className={classes.asks} aria-label="Asks">
            {item.asks.map((ask, index) => (
              <li key={index} className={classes.ask}>
                {ask.type && (
                  <UntrustedChip
                    size="small"
                    color="primary"
                    variant="outlined"
                    className={classes.chip}
                    label={ask.type}
                  />
                )}
                <Typography variant="body2" component="span">
                  <UntrustedText>{ask.text}</UntrustedText>
                </Typography>
              </li>
            ))}
          </ul>
        )}

        {item.skills.length > 0 && (
          <div className={classes.chips}>
            <Typography
              variant="body2"
              component="span"
              className={classes.chipsLabel}
            >
              Skills:
            </Typography>
            {item.skills.map(skill =>
              selectedSkills.includes(skill) ? (
                <UntrustedChip
                  key={skill}
                  size="small"
                  color="primary"
                  className={classes.chip}
                  label={skill}
                />
              ) : (
                <UntrustedChip
                  key={skill}
                  size="small"
                  clickable
                  className={classes.chip}
                  label={skill}
                  aria-label={`Filter by skill ${skill}`}
                  onClick={() => onSkillClick(skill)}
                />
              ),
            )}
          </div>
        )}

        {item.contributionTypes.length > 0 && (
          <div className={classes.chips}>
            <Typography
              variant="body2"
              component="span"
              className={classes.chipsLabel}
            >
              Wanted:
            </Typography>
            {item.contributionTypes.map(type => (
              <UntrustedChip
                key={type}
                size="small"
                variant="outlined"
                className={classes.chip}
                label={type}
              />
            ))}
          </div>
        )}

        {hasFacts(item) && (
          <Box component="dl" className={classes.facts}>
            {item.responseTime && (
              <Fact label="First response within">
                <UntrustedText>{item.responseTime.text}</UntrustedText>
              </Fact>
            )}
            {item.asksValidUntil && (
              <Fact label="Help wanted until">
                <UntrustedText>{item.asksValidUntil}</UntrustedText>
              </Fact>
            )}
            <ContributionGuideFact item={item} />
            <ChatFact item={item} />
          </Box>
        )}
        {item.codeHost && (
          <BoardItemIssues facts={item.codeHost} title={title} />
        )}
        {item.owner && (
          <Box className={classes.actions}>
            <OfferHelpButton item={item} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

export const BoardItemCard = memo(BoardItemCardView);
