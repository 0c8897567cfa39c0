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
