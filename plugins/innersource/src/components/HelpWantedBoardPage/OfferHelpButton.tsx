import { ChangeEvent, FormEvent, useId, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  BoardItem,
  HELP_OFFER_MESSAGE_MAX_LENGTH,
  innerSourceApiRef,
} from '../../api';
import { UntrustedText } from '../UntrustedText';

/** The backend's own words for a failed offer (e.g. when to try again after 429). */
function errorMessage(error: unknown): string {
  if (error instanceof ResponseError && error.cause?.message) {
    return error.cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function teamName(ownerRef: string): string {
  try {
    return parseEntityRef(ownerRef, { defaultKind: 'group' }).name;
  } catch {
    return ownerRef;
  }
}

/**
 * "I want to help": a button that opens a dialog to pick one of the item's asks
 * and write a message, then notifies the owning team.
 */
export function OfferHelpButton(props: { item: BoardItem }) {
  const { item } = props;
  const title = item.title || item.name;
  const api = useApi(innerSourceApiRef);
  const alertApi = useApi(alertApiRef);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [ask, setAsk] = useState('');
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    if (!sending) {
      setOpen(false);
      setError(undefined);
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      const result = await api.offerHelp(item.entityRef, {
        ask: ask || undefined,
        message: message.trim() || undefined,
      });
      alertApi.post({
        message: `The ${teamName(result.notified)} team was notified`,
        severity: 'success',
        display: 'transient',
      });
      setOpen(false);
      setAsk('');
      setMessage('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        aria-haspopup="dialog"
        aria-label={`I want to help with ${title}`}
        onClick={() => setOpen(true)}
      >
        I want to help
      </Button>
      <Dialog
        open={open}
        onClose={close}
        aria-labelledby={`${id}-title`}
        fullWidth
        maxWidth="sm"
      >
        <form onSubmit={send} noValidate>
          <DialogTitle id={`${id}-title`}>
            Offer help to <UntrustedText>{title}</UntrustedText>
          </DialogTitle>
          <DialogContent>
            <Typography variant="body2" paragraph>
              The owners get a Backstage notification with your name, the ask
              you pick and your message.
            </Typography>
            {item.asks.length > 0 && (
              <TextField
                select
                fullWidth
                margin="normal"
                variant="outlined"
                id={`${id}-ask`}
                label="Ask (optional)"
                value={ask}
                onChange={(e: ChangeEvent<HTMLInputElement>) =>
                  setAsk(e.target.value)
                }
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
              >
                <option value="">No particular ask</option>
                {item.asks.map((a, index) => (
                  <option key={index} value={a.text}>
                    {a.text}
                  </option>
                ))}
              </TextField>
            )}
            <TextField
              fullWidth
              multiline
              minRows={4}
              margin="normal"
              variant="outlined"
              id={`${id}-message`}
              label="Message (optional)"
              value={message}
              onChange={e => setMessage(e.target.value)}
              inputProps={{ maxLength: HELP_OFFER_MESSAGE_MAX_LENGTH }}
              helperText={`${message.length} / ${HELP_OFFER_MESSAGE_MAX_LENGTH} characters`}
            />
            {error && (
              <Typography role="alert" color="error" variant="body2">
                {error}
              </Typography>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={sending}>
              Cancel
            </Button>
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={sending}
            >
              Send
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
