import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { Route, Routes, useLocation } from 'react-router-dom';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { InnerSourceClient, innerSourceApiRef } from '../../api';
import { boardItems } from '../../__testUtils__/boardItems';
import { setupBoardServer } from '../../__testUtils__/boardServer';
import { HOSTILE_HTML } from '../../__testUtils__/entities';
import { expectNoInjectedMarkup } from '../../__testUtils__/renderWithEntity';
import {
  contributionSummaries,
  scorecardSummaries,
  teamRollups,
} from '../../__testUtils__/scorecards';
import { setupScorecardServer } from '../../__testUtils__/scorecardServer';
import { InnerSourceTabs } from '../InnerSourcePage';
import { rankTeams } from './ScorecardOverview';

const board = setupBoardServer();
const scorecards = setupScorecardServer(board.server);

function LocationShown() {
  const { pathname, search } = useLocation();
  return <div data-testid="location">{`${pathname}${search}`}</div>;
}

function renderPage(url: string) {
  return renderInTestApp(
    <Routes>
      <Route
        path="/innersource/*"
        element={
          <>
            <InnerSourceTabs />
            <LocationShown />
          </>
        }
      />
    </Routes>,
    {
      initialRouteEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [
          innerSourceApiRef,
          new InnerSourceClient({
            discoveryApi: mockApis.discovery(),
            fetchApi: mockApis.fetch(),
          }),
        ],
      ],
    },
  );
}

function location(): string {
  return screen.getByTestId('location').textContent ?? '';
}

function overviewRequests(): string[] {
  return scorecards.requests.filter(r => r.startsWith('GET /scorecards'));
}

async function entityRows(): Promise<HTMLElement[]> {
  const table = await screen.findByRole('table', { name: 'Entities' });
  return within(table).getAllByRole('row').slice(1);
}

describe('the Scorecards tab of the InnerSource page', () => {
  it('lists entities with owner, level, score and failing checks, linking to their pages', async () => {
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource/scorecards');

    const rows = await entityRows();
    expect(rows.map(row => row.firstChild?.textContent)).toEqual([
      'search-indexer',
      'refunds-service',
      'Payments Gateway',
      'image-resizer',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('4 scored entities');
    const payments = within(rows[2]);
    expect(
      payments.getByRole('link', { name: 'Payments Gateway' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-gateway');
    expect(payments.getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(rows[2]).toHaveTextContent('Discoverable');
    expect(rows[2]).toHaveTextContent('42 / 100');
    expect(rows[2]).toHaveTextContent('Chat channel, Trusted committers');
    expect(rows[3]).toHaveTextContent('No levelNot scored');
    expect(overviewRequests()).toEqual(['GET /scorecards?limit=20']);
  });

  it('ranks the teams by average score', async () => {
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource/scorecards');

    const table = await screen.findByRole('table', { name: 'Teams' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      '1search191 / 100Collaborative: 1',
      '2payments256 / 100Welcoming: 1, Discoverable: 1',
      '3media1Not scoredNo level: 1',
    ]);
  });

  it('shows per team the contributions made to and received from other teams', async () => {
    scorecards.serveSummaries(contributionSummaries);
    await renderPage('/innersource/scorecards');

    const table = await screen.findByRole('table', { name: 'Teams' });
    const header = within(table).getAllByRole('columnheader');
    expect(header.map(cell => cell.textContent)).toContain(
      'Contributions made to other teams',
    );
    expect(header.map(cell => cell.textContent)).toContain(
      'Contributions received from other teams',
    );
    const rows = within(table).getAllByRole('row').slice(1);
    // Owner, made, received.
    expect(
      rows.map(row =>
        [1, 5, 6].map(column => row.children[column].textContent),
      ),
    ).toEqual([
      ['search', '30', '6'],
      ['payments', '0', '30'],
      ['media', 'Not reported', 'Not reported'],
    ]);
  });

  it("headlines the organisation's cross-team ratio over the entities you can see", async () => {
    scorecards.serveSummaries(contributionSummaries);
    await renderPage('/innersource/scorecards');

    const headline = await screen.findByRole('region', {
      name: 'Cross-team work',
    });
    expect(headline).toHaveTextContent(
      'Cross-team work: 15% of 240 merged pull and merge requests came from another team (last 180 days); 12 by authors with no catalog user',
    );
    expect(headline).toHaveTextContent(
      'Counts only the entities you can see that match the filters; 3 of them reported contributions from the code host.',
    );
  });

  it('lists who contributes to whom, most first', async () => {
    scorecards.serveSummaries(contributionSummaries);
    await renderPage('/innersource/scorecards');

    const pairs = await screen.findByRole('table', {
      name: 'Who contributes to whom',
    });
    const rows = within(pairs)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      );
    expect(rows).toEqual([
      ['search', 'payments', '30'],
      ['web', 'search', '6'],
    ]);
  });

  it('shows no cross-team numbers when no code host reported contributions', async () => {
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource/scorecards');

    await screen.findByRole('table', { name: 'Teams' });
    expect(
      screen.queryByRole('region', { name: 'Cross-team work' }),
    ).toBeNull();
    expect(screen.queryByText(/Contributions made/)).toBeNull();
    expect(screen.queryByText('Not reported')).toBeNull();
  });

  it('keeps rankTeams stable for ties and puts unscored teams last', () => {
    expect(rankTeams(teamRollups).map(team => team.owner)).toEqual([
      'group:default/search',
      'group:default/payments',
      'group:default/media',
    ]);
  });

  it('filters by level and owner and sorts on the server, keeping it all in the URL', async () => {
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource/scorecards');
    await entityRows();

    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'group:default/payments',
    );
    await waitFor(() =>
      expect(location()).toBe(
        '/innersource/scorecards?owner=group%3Adefault%2Fpayments',
      ),
    );
    await waitFor(async () => expect(await entityRows()).toHaveLength(2));

    await userEvent.selectOptions(screen.getByLabelText('Sort'), 'score-asc');
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'silver');
    await waitFor(() =>
      expect(location()).toBe(
        '/innersource/scorecards?level=silver&owner=group%3Adefault%2Fpayments&sort=score-asc',
      ),
    );
    await waitFor(async () =>
      expect((await entityRows()).map(r => r.firstChild?.textContent)).toEqual([
        'refunds-service',
      ]),
    );
    expect(overviewRequests()).toContain(
      'GET /scorecards?level=silver&owner=group%3Adefault%2Fpayments&sort=score-asc&limit=20',
    );
  });

  it('restores a shared filtered view from the URL', async () => {
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource/scorecards?sort=name&level=gold');

    const rows = await entityRows();
    expect(rows.map(row => row.firstChild?.textContent)).toEqual([
      'search-indexer',
    ]);
    expect(screen.getByLabelText('Level')).toHaveValue('gold');
    expect(screen.getByLabelText('Sort')).toHaveValue('name');
    expect(overviewRequests()).toEqual([
      'GET /scorecards?level=gold&sort=name&limit=20',
    ]);
  });

  it('pages through the entities with the offset in the URL', async () => {
    scorecards.serveSummaries(
      Array.from({ length: 25 }, (_, index) => ({
        ...scorecardSummaries[1],
        entityRef: `component:default/service-${index}`,
        name: `service-${index}`,
        score: 100 - index,
      })),
    );
    await renderPage('/innersource/scorecards');

    expect(await entityRows()).toHaveLength(20);
    expect(screen.getByText('1–20 of 25')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(location()).toBe('/innersource/scorecards?offset=20'),
    );
    await waitFor(async () => expect(await entityRows()).toHaveLength(5));
    expect(screen.getByText('21–25 of 25')).toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource/scorecards?owner=group%3Adefault%2Fnobody');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(location()).toBe('/innersource/scorecards'));
    expect(await entityRows()).toHaveLength(4);
  });

  it('says nothing is scored yet', async () => {
    await renderPage('/innersource/scorecards');
    expect(await screen.findByText('Nothing scored yet')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    scorecards.failWith(() =>
      HttpResponse.json(
        { error: { name: 'Error', message: 'database is down' } },
        { status: 500 },
      ),
    );
    await renderPage('/innersource/scorecards');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Try again' }),
    );
    await waitFor(() =>
      expect(overviewRequests().length).toBeGreaterThanOrEqual(2),
    );
    scorecards.failWith(undefined);
    scorecards.serveSummaries(scorecardSummaries);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await entityRows()).toHaveLength(4);
  });

  it('renders hostile titles and owners as text', async () => {
    scorecards.serveSummaries([
      {
        ...scorecardSummaries[0],
        title: HOSTILE_HTML,
        owner: HOSTILE_HTML,
        failingChecks: [HOSTILE_HTML],
      },
    ]);
    const { container } = await renderPage('/innersource/scorecards');

    const rows = await entityRows();
    expect(within(rows[0]).getAllByText(HOSTILE_HTML)).toHaveLength(3);
    expectNoInjectedMarkup(container);
  });
});

describe('the tabs of the InnerSource page', () => {
  it('keeps the help-wanted board at the root, with its filters in the URL', async () => {
    board.serveItems(boardItems);
    await renderPage('/innersource?skill=kotlin');

    const tabs = screen.getByRole('tablist');
    expect(
      within(tabs).getByRole('tab', { name: 'Help wanted' }),
    ).toHaveAttribute('aria-selected', 'true');
    const results = await screen.findByRole('list', {
      name: 'Help-wanted results',
    });
    expect(within(results).getAllByRole('article')).toHaveLength(2);
    expect(board.lastRequest()?.get('skill')).toBe('kotlin');
  });

  it('switches to the Scorecards tab by its link', async () => {
    board.serveItems(boardItems);
    scorecards.serveSummaries(scorecardSummaries);
    await renderPage('/innersource');

    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));

    expect(await entityRows()).toHaveLength(4);
    expect(location()).toBe('/innersource/scorecards');
    expect(screen.getByRole('tab', { name: 'Scorecards' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
