import { render, screen, within } from '@testing-library/react';
import { paymentsHistory } from '../../__testUtils__/scorecards';
import { ScorecardHistoryChart } from './ScorecardHistoryChart';

describe('ScorecardHistoryChart', () => {
  it('draws one point per scored day and names the trend', () => {
    const { container } = render(
      <ScorecardHistoryChart points={paymentsHistory.points} />,
    );
    expect(
      screen.getByRole('img', {
        name: 'Score history. Score from 20 on 2024-04-30 to 42 on 2024-05-02, 3 days recorded.',
      }),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(container.querySelectorAll('polyline')).toHaveLength(1);
  });

  it('gives the numbers as a table too', () => {
    render(<ScorecardHistoryChart points={paymentsHistory.points} />);
    const rows = within(screen.getByRole('table', { hidden: true }))
      .getAllByRole('row', { hidden: true })
      .map(row => row.textContent);
    expect(rows).toEqual([
      'DayScore',
      '2024-04-3020',
      '2024-05-0135',
      '2024-05-0242',
    ]);
  });

  it('breaks the line on days without a score', () => {
    const { container } = render(
      <ScorecardHistoryChart
        points={[
          { day: '2024-05-01', score: 10 },
          { day: '2024-05-02', score: 20 },
          { day: '2024-05-03', score: null },
          { day: '2024-05-04', score: 30 },
        ]}
      />,
    );
    expect(container.querySelectorAll('polyline')).toHaveLength(1);
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(screen.getByText('Not scored')).toBeInTheDocument();
  });

  it('says so when there is no score yet', () => {
    render(<ScorecardHistoryChart points={[]} />);
    expect(screen.getByText('No scores recorded yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
