import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { SearchDocument } from '@backstage/plugin-search-common';
import { HelpWantedSearchDocument } from '@innersource/backstage-plugin-innersource-common';
import { parseCatalogEntityRef } from '../../entityRefs';
import { UntrustedChip, UntrustedText } from '../UntrustedText';

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex' },
    content: { flexWrap: 'wrap', minWidth: 0 },
    text: { width: '100%', marginBottom: theme.spacing(1) },
    chip: { marginRight: theme.spacing(0.5), marginBottom: theme.spacing(0.5) },
  }),
  { name: 'HelpWantedSearchResultListItem' },
);

/** @public */
export type HelpWantedSearchResultListItemProps = {
  /** A search result of type `innersource-help-wanted`. */
  result?: SearchDocument;
  icon?: ReactNode | ((result: SearchDocument) => ReactNode);
  rank?: number;
};

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && !!v.trim())
    : [];
}

/** Only app-relative paths become links; anything else in the index stays text. */
function isAppPath(location: string | undefined): location is string {
  return !!location && location.startsWith('/') && !location.startsWith('//');
}

function ownerText(owner: string): string {
  const ref = parseCatalogEntityRef(owner, 'group');
  return ref ? humanizeEntityRef(ref, { defaultKind: 'group' }) : owner;
}

/**
 * A help-wanted ask in Backstage search: the ask as the title, linking to the
 * entity's InnerSource tab, then the entity and its owner, the type of help and the
 * skills. Everything from the index is untrusted and rendered as plain text.
 *
 * @public
 */
export function HelpWantedSearchResultListItem(
  props: HelpWantedSearchResultListItemProps,
) {
  const classes = useStyles();
  const result = props.result as
    | (SearchDocument & Partial<HelpWantedSearchDocument>)
    | undefined;
  if (!result) {
    return null;
  }
  const title = stringOf(result.title) ?? '';
  const location = stringOf(result.location);
  const entityTitle = stringOf(result.entityTitle);
  const owner = stringOf(result.owner);
  const askType = stringOf(result.askType);
  const skills = stringsOf(result.skills);

  return (
    <div className={classes.item}>
      {props.icon && (
        <ListItemIcon>
          {typeof props.icon === 'function' ? props.icon(result) : props.icon}
        </ListItemIcon>
      )}
      <div className={classes.content}>
        <ListItemText
          className={classes.text}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            isAppPath(location) ? (
              <Link noTrack to={location}>
                <UntrustedText>{title}</UntrustedText>
              </Link>
            ) : (
              <UntrustedText>{title}</UntrustedText>
            )
          }
          secondary={
            <Typography component="span" variant="body2" color="textSecondary">
              Help wanted
              {entityTitle && (
                <>
                  {' on '}
                  <UntrustedText>{entityTitle}</UntrustedText>
                </>
              )}
              {owner && (
                <>
                  {' · owned by '}
                  <UntrustedText>{ownerText(owner)}</UntrustedText>
                </>
              )}
            </Typography>
          }
        />
        <Box>
          {askType && (
            <UntrustedChip
              className={classes.chip}
              size="small"
              color="primary"
              variant="outlined"
              label={askType}
            />
          )}
          {skills.map(skill => (
            <UntrustedChip
              key={skill}
              className={classes.chip}
              size="small"
              label={skill}
            />
          ))}
        </Box>
      </div>
    </div>
  );
}
