import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import WarningIcon from '@material-ui/icons/Warning';
import { CheckStatus } from '@innersource/backstage-plugin-innersource-common';

/** The words for each status: the icon only repeats them, colour only hints. */
export const CHECK_STATUS_TEXT: Record<CheckStatus, string> = {
  pass: 'Passes',
  fail: 'Fails',
  warn: 'Warning',
  'not-applicable': 'Not applicable',
  'not-reported': 'Not reported',
  exempt: 'Exempt',
};

const ICONS: Record<CheckStatus, typeof CheckCircleIcon> = {
  pass: CheckCircleIcon,
  fail: CancelIcon,
  warn: WarningIcon,
  'not-applicable': RemoveCircleOutlineIcon,
  'not-reported': HelpOutlineIcon,
  exempt: BlockIcon,
};

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.success.main },
  fail: { color: theme.palette.error.main },
  warn: { color: theme.palette.warning.main },
  muted: { color: theme.palette.text.secondary },
}));

/** A check's status as an icon and its name; the icon is hidden from screen readers. */
export function ScorecardCheckStatus(props: { status: CheckStatus }) {
  const classes = useStyles();
  const { status } = props;
  const Icon = ICONS[status];
  let colour = classes.muted;
  if (status === 'pass') {
    colour = classes.pass;
  } else if (status === 'fail') {
    colour = classes.fail;
  } else if (status === 'warn') {
    colour = classes.warn;
  }
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      style={{ gap: 4 }}
    >
      <Icon fontSize="small" className={colour} aria-hidden />
      <span>{CHECK_STATUS_TEXT[status]}</span>
    </Box>
  );
}
