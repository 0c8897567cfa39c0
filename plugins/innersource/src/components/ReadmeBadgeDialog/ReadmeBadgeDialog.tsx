import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CopyTextButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { InnerSourceBadgeLinks } from '@innersource/backstage-plugin-innersource-common';
import { innerSourceApiRef } from '../../api';
import { badgeSnippets } from './badgeSnippets';

const FORMATS = [
  { key: 'markdown', title: 'Markdown' },
  { key: 'html', title: 'HTML' },
  { key: 'asciidoc', title: 'AsciiDoc' },
] as const;

const useStyles = makeStyles(theme => ({
  badge: { marginBottom: theme.spacing(2) },
  snippet: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  code: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    overflowWrap: 'anywhere',
    flex: 1,
  },
}));

/** @public */
export type ReadmeBadgeDialogProps = {
  entityRef: string;
  open: boolean;
  onClose: () => void;
};

type LinksState = {
  loading: boolean;
  error?: Error;
  links?: InnerSourceBadgeLinks;
};

/**
 * Shows the entity's README badges and copies the snippet of each to the
 * clipboard, as Markdown, HTML or AsciiDoc: the badge image linking to the
 * entity's page in Backstage.
 */
export function ReadmeBadgeDialog(props: ReadmeBadgeDialogProps) {
  const { entityRef, open, onClose } = props;
  const classes = useStyles();
  const api = useApi(innerSourceApiRef);
  const [state, setState] = useState<LinksState>({ loading: true });

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    let current = true;
    setState({ loading: true });
    api
      .getBadgeLinks(entityRef)
      .then(links => current && setState({ loading: false, links }))
      .catch(error => current && setState({ loading: false, error }));
    return () => {
      current = false;
    };
  }, [api, entityRef, open]);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="innersource-readme-badges-title"
    >
      <DialogTitle id="innersource-readme-badges-title">
        README badges
      </DialogTitle>
      <DialogContent>
        {state.loading && <Progress />}
        {state.error && <ResponseErrorPanel error={state.error} />}
        {state.links && (
          <>
            <Typography variant="body2" paragraph>
              Add a badge to the README: it shows the current state and links to
              this page.
              {state.links.obfuscated &&
                ' The badge URLs do not name the entity.'}
            </Typography>
            {state.links.badges.map(({ badge, url, data }) => {
              const alt = `${data.label}: ${data.message}`;
              const snippets = badgeSnippets({
                imageUrl: url,
                linkUrl: state.links!.entityUrl,
                alt,
              });
              return (
                <Box
                  key={badge}
                  className={classes.badge}
                  component="section"
                  aria-label={`${badge} badge`}
                >
                  <img src={url} alt={alt} height={20} />
                  {FORMATS.map(format => (
                    <Box className={classes.snippet} key={format.key}>
                      <Typography variant="caption">{format.title}</Typography>
                      <code className={classes.code}>
                        {snippets[format.key]}
                      </code>
                      <CopyTextButton
                        text={snippets[format.key]}
                        tooltipText={`${format.title} copied`}
                        aria-label={`Copy ${format.title} for the ${badge} badge`}
                      />
                    </Box>
                  ))}
                </Box>
              );
            })}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
