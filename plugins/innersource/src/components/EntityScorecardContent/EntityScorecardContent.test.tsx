import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { InnerSourceClient } from '../../api';
import { completeEntity, HOSTILE_HTML } from '../../__testUtils__/entities';
import {
  expectNoInjectedMarkup,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import {
  freshCodeHost,
  goldCandidateScorecard,
  hostileChecksResponse,
  hostileScorecard,
  paymentsHistory,
  paymentsScorecard,
} from '../../__testUtils__/scorecards';
import { setupScorecardServer } from '../../__testUtils__/scorecardServer';
import { textContent } from '../../__testUtils__/textContent';
import { EntityInnerSourceContent } from '../EntityInnerSourceContent';
import { EntityScorecardContent } from './EntityScorecardContent';

const scorecards = setupScorecardServer();

function renderContent(
  options: { allowed?: boolean } = {},
  element = <EntityScorecardContent />,
) {
  return renderWithEntity(element, completeEntity, {
    allowed: options.allowed,
    innerSourceApi: new InnerSourceClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    }),
  });
}

function rowOf(table: HTMLElement, checkTitle: string): HTMLElement {
  return within(table).getAllByText(checkTitle)[0].closest('tr') as HTMLElement;
}

describe('EntityScorecardContent', () => {
  it('shows level, score, next level and every check grouped by level', async () => {
    scorecards.serveScorecard(paymentsScorecard, paymentsHistory);
    await renderContent();

    const bronze = await screen.findByRole('table', {
      name: 'Discoverable checks',
    });
    expect(screen.getByText('42 / 100')).toBeInTheDocument();
    expect(screen.getByText('2 checks stand in the way')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Discoverable (held)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Welcoming (not held)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Collaborative (not held)' }),
    ).toBeInTheDocument();

    expect(within(bronze).getAllByRole('row')).toHaveLength(3);
    const readme = rowOf(bronze, 'README');
    expect(readme).toHaveTextContent('Passes');
    expect(readme).toHaveTextContent('README.md found');
    expect(
      within(readme).getByRole('link', { name: /^Docs for README/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/innersource/readme');
    // Remediation is only offered for checks that need it.
    expect(readme).not.toHaveTextContent('Fix readme.');

    const silver = screen.getByRole('table', { name: 'Welcoming checks' });
    const chat = rowOf(silver, 'Chat channel');
    expect(chat).toHaveTextContent('Fails');
    expect(chat).toHaveTextContent('innersource/chat is not set');
    expect(chat).toHaveTextContent('Fix chat.');
    const codeowners = rowOf(silver, 'CODEOWNERS');
    expect(codeowners).toHaveTextContent('Exempt');
    expect(codeowners).toHaveTextContent(
      'Exemption reason: the whole team reviews every change',
    );

    const gold = screen.getByRole('table', { name: 'Collaborative checks' });
    expect(rowOf(gold, 'Good first issues')).toHaveTextContent('Not reported');
  });

  it('names the facts that were not reported apart from the checks that fail', async () => {
    scorecards.serveScorecard({
      ...goldCandidateScorecard,
      codeHost: undefined,
    });
    await renderContent();

    const explanation = within(
      await screen.findByRole('region', { name: 'What the next level needs' }),
    );
    expect(
      explanation.getByText(
        textContent(/^Collaborative needs this check to pass/),
      ),
    ).toHaveTextContent(
      'Collaborative needs this check to pass: Outside contributions',
    );
    expect(
      explanation.getByText(textContent(/^Collaborative needs facts/)),
    ).toHaveTextContent(
      'Collaborative needs facts that were not reported: Response time — install a code-host module or mark the checks optional',
    );

    const gold = screen.getByRole('table', { name: 'Collaborative checks' });
    const responseTime = rowOf(gold, 'Response time');
    expect(responseTime).toHaveTextContent('Not reported');
    expect(responseTime).toHaveTextContent(
      'pull requests were not read: GitHub answered 403',
    );
    expect(responseTime).not.toHaveTextContent('optional');
    // Optional: not reported, and still not in the way of the level.
    const goodFirstIssues = rowOf(gold, 'Good first issues');
    expect(goodFirstIssues).toHaveTextContent('Good first issues optional');
    expect(
      explanation.queryByText(textContent(/Good first issues/)),
    ).toBeNull();
  });

  it('points to the evidence when the code host was read but a fact is still missing', async () => {
    scorecards.serveScorecard({
      ...goldCandidateScorecard,
      codeHost: freshCodeHost,
    });
    await renderContent();

    expect(
      await screen.findByText(textContent(/^Collaborative needs facts/)),
    ).toHaveTextContent(
      "Collaborative needs facts that were not reported: Response time — each check's evidence says why, or mark the checks optional",
    );
  });

  it('tells missing facts from failures in scorecards stored before missingFacts existed', async () => {
    scorecards.serveScorecard({
      ...goldCandidateScorecard,
      nextLevel: {
        id: 'gold',
        blockingChecks: ['outside-contributions', 'response-time'],
      },
      codeHost: { status: 'pending' },
    });
    await renderContent();

    expect(
      await screen.findByText(textContent(/^Collaborative needs facts/)),
    ).toHaveTextContent(
      'Collaborative needs facts that were not reported: Response time — they come once the code host has been read, or mark the checks optional',
    );
    expect(
      screen.getByText(textContent(/^Collaborative needs this check/)),
    ).toHaveTextContent('Outside contributions');
  });

  it('draws the score history with an accessible summary', async () => {
    scorecards.serveScorecard(paymentsScorecard, paymentsHistory);
    await renderContent();

    expect(
      await screen.findByRole('img', {
        name: 'Score history. Score from 20 on 2024-04-30 to 42 on 2024-05-02, 3 days recorded.',
      }),
    ).toBeInTheDocument();
  });

  it('says the entity is not scored yet, and offers to score it', async () => {
    scorecards.allowRefresh(paymentsScorecard);
    await renderContent();

    expect(await screen.findByText('Not scored yet.')).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Score now' }),
    );
    expect(await screen.findByText('42 / 100')).toBeInTheDocument();
    expect(scorecards.requests).toContain(
      'POST /scorecards/component/default/payments-gateway/refresh',
    );
  });

  it('recomputes on demand and shows the new scorecard and history', async () => {
    scorecards.serveScorecard(paymentsScorecard, paymentsHistory);
    scorecards.allowRefresh({ ...paymentsScorecard, score: 77 });
    await renderContent();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Recompute' }),
    );

    expect(await screen.findByText('77 / 100')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Scorecard recomputed.',
    );
    await waitFor(() =>
      expect(
        scorecards.requests.filter(r => r.endsWith('/history')),
      ).toHaveLength(2),
    );
  });

  it('reports a recompute the backend refuses', async () => {
    scorecards.serveScorecard(paymentsScorecard);
    await renderContent();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Recompute' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not recompute/,
    );
    expect(screen.getByText('42 / 100')).toBeInTheDocument();
  });

  it('hides Recompute from users the permission policy does not allow', async () => {
    scorecards.serveScorecard(paymentsScorecard);
    await renderContent({ allowed: false });

    expect(await screen.findByText('42 / 100')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Recompute' }),
    ).not.toBeInTheDocument();
  });

  it('shows an error panel with a retry', async () => {
    scorecards.failWith(() =>
      HttpResponse.json(
        { error: { name: 'Error', message: 'database is down' } },
        { status: 500 },
      ),
    );
    await renderContent();

    expect(
      await screen.findByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
    scorecards.failWith(undefined);
    scorecards.serveScorecard(paymentsScorecard);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('42 / 100')).toBeInTheDocument();
  });

  it('renders hostile evidence, reasons and remediation as text and drops script docs links', async () => {
    scorecards.serveChecks(hostileChecksResponse);
    scorecards.serveScorecard(hostileScorecard);
    const { container } = await renderContent();

    await screen.findByRole('table', { name: 'Discoverable checks' });
    expect(
      screen.getByText(`${HOSTILE_HTML} innersource/chat is not set`),
    ).toBeInTheDocument();
    expect(screen.getByText(HOSTILE_HTML)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Docs/ })).toBeNull();
    expectNoInjectedMarkup(container);
  });

  it('is part of the entity InnerSource tab', async () => {
    scorecards.serveScorecard(paymentsScorecard);
    await renderContent({}, <EntityInnerSourceContent />);
    expect(
      await screen.findByRole('heading', { name: 'Scorecard' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('42 / 100')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'How to contribute' }),
    ).toBeInTheDocument();
  });
});
