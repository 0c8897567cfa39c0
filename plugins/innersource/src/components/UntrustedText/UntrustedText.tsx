import Chip, { ChipProps } from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  root: {
    overflowWrap: 'anywhere',
    wordBreak: 'break-word',
  },
});

/**
 * Text that came from an annotation. Rendered as a React text node only; `<bdi>`
 * isolates its writing direction so bidi control characters cannot reorder the
 * labels around it, and long unbroken values wrap instead of widening the page.
 */
export function UntrustedText(props: { children: string }) {
  const classes = useStyles();
  return <bdi className={classes.root}>{props.children}</bdi>;
}

/**
 * A chip whose label came from an annotation or the API, shown as `UntrustedText`.
 */
export function UntrustedChip(
  props: Omit<ChipProps, 'label'> & { label: string },
) {
  const { label, ...chipProps } = props;
  return <Chip {...chipProps} label={<UntrustedText>{label}</UntrustedText>} />;
}
