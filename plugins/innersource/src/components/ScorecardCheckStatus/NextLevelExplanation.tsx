import Typography from '@material-ui/core/Typography';
import {
  EntityCodeHostSummary,
  Scorecard,
  ScorecardCheck,
  ScorecardLevel,
} from '@innersource/backstage-plugin-innersource-common';
import { UntrustedText } from '../UntrustedText';
import {
  levelTitle,
  missingFactsHint,
  nextLevelBlockers,
} from './scorecardText';

function Titles(props: { titles: string[] }) {
  return (
    <>
      {props.titles.map((title, index) => (
        <span key={`${index}-${title}`}>
          {index > 0 && ', '}
          <UntrustedText>{title}</UntrustedText>
        </span>
      ))}
    </>
  );
}

/**
 * Why the entity is below its next level, in two sentences: the checks that
 * fail, and the facts that were not reported with how to provide them. A
 * level never claims what was not seen, so the second matters as much.
 */
export function NextLevelExplanation(props: {
  scorecard: Pick<Scorecard, 'results' | 'nextLevel'> & {
    codeHost?: EntityCodeHostSummary;
  };
  checks: ScorecardCheck[];
  levels: ScorecardLevel[];
}) {
  const { scorecard, checks, levels } = props;
  if (!scorecard.nextLevel) {
    return null;
  }
  const level = levelTitle(levels, scorecard.nextLevel.id);
  const { failing, missing } = nextLevelBlockers(scorecard, checks);
  const hint = missingFactsHint(scorecard.codeHost);
  return (
    <>
      {failing.length > 0 && (
        <Typography variant="body2">
          <UntrustedText>{level}</UntrustedText> needs{' '}
          {failing.length === 1 ? 'this check' : 'these checks'} to pass:{' '}
          <Titles titles={failing} />
        </Typography>
      )}
      {missing.length > 0 && (
        <Typography variant="body2">
          <UntrustedText>{level}</UntrustedText> needs facts that were not
          reported: <Titles titles={missing} /> —{' '}
          {hint.reason && (
            <>
              <UntrustedText>{hint.reason}</UntrustedText>,{' '}
            </>
          )}
          {hint.advice}
        </Typography>
      )}
    </>
  );
}
