import { useEffect, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { BoardItem, BoardPage, innerSourceApiRef } from '../../api';
import { parseCatalogEntityRef } from '../../entityRefs';
import { HELP_WANTED_BOARD_TITLE, helpWantedBoardRouteRef } from '../../routes';
import { UntrustedChip, UntrustedText } from '../UntrustedText';

/** Projects shown on the card. */
export const HELP_WANTED_CARD_LIMIT = 5;
/** Skill chips shown per project. */
const CARD_SKILLS = 3;

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    padding: theme.spacing(1, 0),
    minWidth: 0,
    '& + &': {
      borderTop: `1px solid ${theme.palette.divider}`,
    },
  },
  title: {
    overflowWrap: 'anywhere',
  },
  ask: {
    color: theme.palette.text.secondary,
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
  chip: {
    maxWidth: '100%',
  },
  footer: {
    marginTop: theme.spacing(1),
  },
}));

type CardState = { loading: boolean; page?: BoardPage; error?: Error };

/** The board's path, or undefined when the app has not mounted the board page. */
function useBoardLink(): string | undefined {
  // useRouteRef throws when the route is not mounted (it calls all of its hooks first).
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(helpWantedBoardRouteRef)();
  } catch {
    return undefined;
  }
}

function HelpWantedCardItem(props: { item: BoardItem }) {
  const classes = useStyles();
  const { item } = props;
  const title = item.title || item.name;
  const entityRef =
    parseCatalogEntityRef(item.entityRef) ??
    parseCatalogEntityRef(`${item.kind}:${item.namespace}/${item.name}`);
  const ask = item.asks[0];
  const skills = item.skills.slice(0, CARD_SKILLS);

  return (
    <li className={classes.item}>
      <Typography variant="subtitle2" component="h3" className={classes.title}>
        {entityRef ? (
          <EntityRefLink entityRef={entityRef} hideIcon disableTooltip>
            <UntrustedText>{title}</UntrustedText>
          </EntityRefLink>
        ) : (
          <UntrustedText>{title}</UntrustedText>
        )}
      </Typography>
      {ask && (
        <Typography variant="body2" className={classes.ask}>
          <UntrustedText>{ask.text}</UntrustedText>
        </Typography>
      )}
      {skills.length > 0 && (
        <div className={classes.chips} aria-label="Skills">
          {skills.map(skill => (
            <UntrustedChip
              key={skill}
              size="small"
              variant="outlined"
              className={classes.chip}
              label={skill}
            />
          ))}
        </div>
      )}
    </li>
  );
}

/**
 * The body of the "Help wanted" home-page card: the newest projects that ask for
 * help, each with its first ask and top skills, and a link to the whole board.
 * The new frontend system's home-page widget wraps it in the home page's own card.
 *
 * @public
 */
export function HelpWantedCardContent() {
  const classes = useStyles();
  const api = useApi(innerSourceApiRef);
  const boardLink = useBoardLink();
  const [state, setState] = useState<CardState>({ loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setState({ loading: true });
    api
      .getBoard(
        { sort: 'newest', limit: HELP_WANTED_CARD_LIMIT },
        { signal: controller.signal },
      )
      .then(
        page => {
          if (!controller.signal.aborted) {
            setState({ loading: false, page });
          }
        },
        error => {
          if (!controller.signal.aborted) {
            setState({ loading: false, error });
          }
        },
      );
    return () => controller.abort();
  }, [api]);

  if (state.loading) {
    return <Progress />;
  }
  if (state.error || !state.page) {
    return (
      <Typography variant="body2" color="error" role="alert">
        Could not load the help-wanted board.
      </Typography>
    );
  }

  const { items, totalItems } = state.page;
  if (items.length === 0) {
    return (
      <Typography variant="body2">
        No team is asking for help right now
      </Typography>
    );
  }

  const shown = items.slice(0, HELP_WANTED_CARD_LIMIT);
  const total = Math.max(totalItems, shown.length);
  return (
    <>
      <ul className={classes.list} aria-label="Projects asking for help">
        {shown.map(item => (
          <HelpWantedCardItem key={item.entityRef} item={item} />
        ))}
      </ul>
      {boardLink && (
        <Typography variant="body2" className={classes.footer}>
          <Link to={boardLink}>
            {`See all ${total} ${total === 1 ? 'project' : 'projects'}`}
          </Link>
        </Typography>
      )}
    </>
  );
}

/**
 * A compact "Help wanted" card for a home page: the newest projects whose teams ask
 * for contributions, linking to their catalog pages and to the help-wanted board.
 *
 * @public
 */
export function HelpWantedCard() {
  return (
    <InfoCard
      title={HELP_WANTED_BOARD_TITLE}
      titleTypographyProps={{ component: 'h2' }}
    >
      <HelpWantedCardContent />
    </InfoCard>
  );
}
