import { render, screen, within } from '@testing-library/react';
import { AnnotationProblem } from '@innersource/backstage-plugin-innersource-common';
import {
  AnnotationProblemsTable,
  summarizeProblems,
} from './AnnotationProblemsTable';

const warning: AnnotationProblem = {
  annotation: 'innersource/skils',
  severity: 'warning',
  message: 'is not an InnerSource annotation',
  fix: 'did you mean "innersource/skills"?',
};
const error: AnnotationProblem = {
  annotation: 'innersource/response-time',
  severity: 'error',
  message: '"two days" is not a duration',
  fix: 'use e.g. "2d" or "48h"',
};

describe('AnnotationProblemsTable', () => {
  it('lists errors before warnings, each with its fix', () => {
    render(<AnnotationProblemsTable problems={[warning, error]} />);

    const rows = within(
      screen.getByRole('table', { name: 'Annotation problems' }),
    ).getAllByRole('row');
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(c => c.textContent),
    ).toEqual(['Severity', 'Annotation', 'Problem', 'Fix']);
    expect(rows[1]).toHaveTextContent(
      'Errorinnersource/response-time"two days" is not a durationuse e.g. "2d" or "48h"',
    );
    expect(rows[2]).toHaveTextContent(
      'Warninginnersource/skilsis not an InnerSource annotationdid you mean "innersource/skills"?',
    );
  });

  it('says so when there is nothing to fix', () => {
    render(<AnnotationProblemsTable problems={[]} />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      screen.getByText('No problems found in the innersource/* annotations.'),
    ).toBeInTheDocument();
  });

  it('summarises counts in words', () => {
    expect(summarizeProblems([])).toBe('');
    expect(summarizeProblems([error])).toBe('1 error');
    expect(summarizeProblems([error, error, warning])).toBe(
      '2 errors, 1 warning',
    );
    expect(summarizeProblems([warning, warning])).toBe('2 warnings');
  });
});
