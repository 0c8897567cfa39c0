import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ScorecardHistoryPoint } from '@innersource/backstage-plugin-innersource-common';

const WIDTH = 600;
const HEIGHT = 160;
const PAD = { top: 10, right: 12, bottom: 24, left: 36 };
const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  svg: {
    width: '100%',
    maxWidth: WIDTH,
    height: 'auto',
    display: 'block',
  },
  grid: { stroke: theme.palette.divider, strokeWidth: 1 },
  axisText: { fill: theme.palette.text.secondary, fontSize: 11 },
  line: {
    fill: 'none',
    stroke: theme.palette.primary.main,
    strokeWidth: 2,
  },
  point: { fill: theme.palette.primary.main },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(0.25, 2, 0.25, 0),
    },
  },
}));

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Runs of consecutive scored points; a day without a score breaks the line. */
function scoredRuns(points: ScorecardHistoryPoint[]) {
  const runs: { day: string; score: number }[][] = [[]];
  for (const point of points) {
    if (point.score === null) {
      if (runs[runs.length - 1].length > 0) {
        runs.push([]);
      }
    } else {
      runs[runs.length - 1].push({ day: point.day, score: point.score });
    }
  }
  return runs.filter(run => run.length > 0);
}

export function describeHistory(points: ScorecardHistoryPoint[]): string {
  const scored = points.filter(point => point.score !== null);
  if (scored.length === 0) {
    return 'No scores recorded yet.';
  }
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (scored.length === 1) {
    return `Score ${first.score} on ${first.day}.`;
  }
  return `Score from ${first.score} on ${first.day} to ${last.score} on ${last.day}, ${scored.length} days recorded.`;
}

/**
 * The score per day as a line chart: hand-written SVG whose accessible name
 * summarises the trend, with the numbers in a table that can be expanded.
 */
export function ScorecardHistoryChart(props: {
  points: ScorecardHistoryPoint[];
}) {
  const classes = useStyles();
  const { points } = props;
  const description = describeHistory(points);

  if (!points.some(point => point.score !== null)) {
    return (
      <Typography variant="body2" color="textSecondary">
        {description}
      </Typography>
    );
  }

  const firstDay = dayNumber(points[0].day);
  const lastDay = dayNumber(points[points.length - 1].day);
  const span = Math.max(lastDay - firstDay, 1);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: string) =>
    PAD.left +
    (points.length === 1
      ? plotWidth / 2
      : ((dayNumber(day) - firstDay) / span) * plotWidth);
  const y = (score: number) =>
    PAD.top +
    plotHeight -
    (Math.min(Math.max(score, 0), 100) / 100) * plotHeight;

  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Score history. ${description}`}
      >
        {[0, 50, 100].map(score => (
          <g key={score}>
            <line
              className={classes.grid}
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(score)}
              y2={y(score)}
            />
            <text
              className={classes.axisText}
              x={PAD.left - 6}
              y={y(score) + 4}
              textAnchor="end"
            >
              {score}
            </text>
          </g>
        ))}
        <text className={classes.axisText} x={PAD.left} y={HEIGHT - 6}>
          {points[0].day}
        </text>
        {points.length > 1 && (
          <text
            className={classes.axisText}
            x={WIDTH - PAD.right}
            y={HEIGHT - 6}
            textAnchor="end"
          >
            {points[points.length - 1].day}
          </text>
        )}
        {scoredRuns(points).map(run => (
          <g key={run[0].day}>
            {run.length > 1 && (
              <polyline
                className={classes.line}
                points={run.map(p => `${x(p.day)},${y(p.score)}`).join(' ')}
              />
            )}
            {run.map(p => (
              <circle
                key={p.day}
                className={classes.point}
                cx={x(p.day)}
                cy={y(p.score)}
                r={3}
              >
                <title>{`${p.day}: ${p.score}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <details>
        <summary>
          <Typography variant="body2" component="span">
            Score history as a table
          </Typography>
        </summary>
        <table className={classes.table}>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {points.map(point => (
              <tr key={point.day}>
                <td>{point.day}</td>
                <td>{point.score === null ? 'Not scored' : point.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
