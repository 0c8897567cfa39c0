import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import {
  AnnotationProblem,
  AnnotationProblemSeverity,
} from '@innersource/backstage-plugin-innersource-common';
import { UntrustedText } from '../UntrustedText';

const SEVERITY_LABELS: Record<AnnotationProblemSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
};

const useStyles = makeStyles(theme => ({
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
}));

export function SeverityIcon(props: { severity: AnnotationProblemSeverity }) {
  const classes = useStyles();
  const Icon = props.severity === 'error' ? ErrorIcon : WarningIcon;
  return <Icon fontSize="small" className={classes[props.severity]} />;
}

/** An icon plus the word, so the severity does not rely on colour alone. */
export function SeverityLabel(props: { severity: AnnotationProblemSeverity }) {
  return (
    <Box display="flex" alignItems="center" component="span">
      <SeverityIcon severity={props.severity} />
      <Box component="span" ml={0.5}>
        {SEVERITY_LABELS[props.severity]}
      </Box>
    </Box>
  );
}

/** Errors first, then warnings, each in the parser's order. */
export function sortProblems(
  problems: AnnotationProblem[],
): AnnotationProblem[] {
  return [
    ...problems.filter(p => p.severity === 'error'),
    ...problems.filter(p => p.severity !== 'error'),
  ];
}

/** One row per annotation problem: severity, annotation key, what is wrong and the fix. */
export function AnnotationProblemsTable(props: {
  problems: AnnotationProblem[];
}) {
  if (props.problems.length === 0) {
    return (
      <Typography variant="body2">
        No problems found in the innersource/* annotations.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Annotation problems">
      <TableHead>
        <TableRow>
          <TableCell>Severity</TableCell>
          <TableCell>Annotation</TableCell>
          <TableCell>Problem</TableCell>
          <TableCell>Fix</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sortProblems(props.problems).map((problem, index) => (
          <TableRow key={index}>
            <TableCell>
              <SeverityLabel severity={problem.severity} />
            </TableCell>
            <TableCell>
              <code>
                <UntrustedText>{problem.annotation}</UntrustedText>
              </code>
            </TableCell>
            <TableCell>
              <UntrustedText>{problem.message}</UntrustedText>
            </TableCell>
            <TableCell>
              <UntrustedText>{problem.fix}</UntrustedText>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** E.g. `2 errors, 1 warning`; empty when there are none. */
export function summarizeProblems(problems: AnnotationProblem[]): string {
  const errors = problems.filter(p => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts: string[] = [];
  if (errors > 0) {
    parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  }
  if (warnings > 0) {
    parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  }
  return parts.join(', ');
}
