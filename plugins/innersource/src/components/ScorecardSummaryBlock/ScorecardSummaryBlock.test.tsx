import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { mockApis, MockFetchApi } from '@backstage/test-utils';
import { InnerSourceClient } from '../../api';
import { completeEntity } from '../../__testUtils__/entities';
import {
  expectNoInjectedMarkup,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import {
  goldCandidateScorecard,
  hostileChecksResponse,
  hostileScorecard,
  paymentsScorecard,
  scorecardChecks,
} from '../../__testUtils__/scorecards';
import { setupScorecardServer } from '../../__testUtils__/scorecardServer';
import { textContent } from '../../__testUtils__/textContent';
import { EntityInnerSourceCard } from '../EntityInnerSourceCard';
import { ScorecardSummaryBlock } from './ScorecardSummaryBlock';
import { mostImportantFailingChecks } from './mostImportantFailingChecks';

const scorecards = setupScorecardServer();
const TAB = '/catalog/default/component/payments-gateway/innersource';

function renderBlock(element = <ScorecardSummaryBlock tabLink={TAB} />) {
  return renderWithEntity(element, completeEntity, {
    innerSourceApi: new InnerSourceClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    }),
  });
}

describe('mostImportantFailingChecks', () => {
  it('puts the checks blocking the next level first, then the rest by weight, at most the maximum', () => {
    const ids = mostImportantFailingChecks(
      paymentsScorecard,
      scorecardChecks,
      3,
    ).map(failing => failing.result.checkId);
    // outside-contributions weighs most, but does not block the next level.
    expect(ids).toEqual([
      'trusted-committers',
      'chat',
      'outside-contributions',
    ]);
  });

  it('counts a not-reported check that blocks the next level, but not warnings or exemptions', () => {
    const failing = mostImportantFailingChecks(
      {
        results: [
          { checkId: 'license', status: 'warn', evidence: '' },
          { checkId: 'codeowners', status: 'exempt', evidence: '' },
          { checkId: 'chat', status: 'not-reported', evidence: '' },
          { checkId: 'readme', status: 'fail', evidence: '' },
        ],
        nextLevel: { id: 'silver', blockingChecks: ['chat'] },
      },
      scorecardChecks,
      10,
    );
    expect(failing.map(f => [f.result.checkId, f.blocking])).toEqual([
      ['chat', true],
      ['readme', false],
    ]);
  });
});

describe('ScorecardSummaryBlock', () => {
  it('shows level, score and the three checks to fix first with their remediation', async () => {
    scorecards.serveScorecard(paymentsScorecard);
    await renderBlock();

    const list = await screen.findByRole('list', {
      name: 'Checks to fix first',
    });
    expect(screen.getByText('Discoverable')).toBeInTheDocument();
    expect(screen.getByText('42 / 100')).toBeInTheDocument();
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(
      'Trusted committersFailsblocks WelcomingFix trusted-committers.',
    );
    expect(items[1]).toHaveTextContent('Chat channelFailsblocks Welcoming');
    expect(items[2]).toHaveTextContent(
      /^Outside contributionsFailsFix outside-contributions\.$/,
    );
    expect(
      screen.getByRole('link', { name: 'See the full scorecard' }),
    ).toHaveAttribute('href', TAB);
  });

  it('says which checks fail and which facts were missing for the next level', async () => {
    scorecards.serveScorecard(paymentsScorecard);
    const first = await renderBlock();
    expect(
      await screen.findByText(
        textContent(/^Welcoming needs these checks to pass/),
      ),
    ).toHaveTextContent(
      'Welcoming needs these checks to pass: Chat channel, Trusted committers',
    );
    expect(screen.queryByText(textContent(/not reported:/))).toBeNull();
    first.unmount();

    scorecards.serveScorecard({
      ...goldCandidateScorecard,
      codeHost: undefined,
    });
    await renderBlock();
    expect(
      await screen.findByText(
        textContent(/^Collaborative needs facts that were not reported/),
      ),
    ).toHaveTextContent(
      'Collaborative needs facts that were not reported: Response time — install a code-host module or mark the checks optional',
    );
    expect(
      screen.getByText(textContent(/^Collaborative needs this check to pass/)),
    ).toHaveTextContent(
      'Collaborative needs this check to pass: Outside contributions',
    );
    // A missing fact is explained by its evidence, not by a remediation.
    const items = within(
      screen.getByRole('list', { name: 'Checks to fix first' }),
    ).getAllByRole('listitem');
    expect(items[1]).toHaveTextContent(
      'Response timeNot reportedblocks Collaborativepull requests were not read: GitHub answered 403',
    );
    expect(items[1]).not.toHaveTextContent('Fix response-time.');
  });

  it('says the entity is not scored yet when the backend has no scorecard', async () => {
    await renderBlock();
    expect(await screen.findByText(/Not scored yet/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'InnerSource tab' }),
    ).toHaveAttribute('href', TAB);
  });

  it('shows an error with a retry that loads again', async () => {
    scorecards.failWith(() =>
      HttpResponse.json(
        { error: { name: 'Error', message: 'boom' } },
        { status: 500 },
      ),
    );
    await renderBlock();

    expect(
      await screen.findByText(/Could not load the scorecard/),
    ).toBeInTheDocument();
    scorecards.failWith(undefined);
    scorecards.serveScorecard(paymentsScorecard);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('42 / 100')).toBeInTheDocument();
  });

  it('renders hostile remediation as text', async () => {
    scorecards.serveChecks(hostileChecksResponse);
    scorecards.serveScorecard(hostileScorecard);
    const { container } = await renderBlock();

    await screen.findByRole('list', { name: 'Checks to fix first' });
    expect(
      screen.getAllByText('<b><img src=x onerror=alert(1)></b>'),
    ).toHaveLength(3);
    expectNoInjectedMarkup(container);
  });

  it('appears in the entity InnerSource card', async () => {
    scorecards.serveScorecard(paymentsScorecard);
    await renderBlock(<EntityInnerSourceCard />);
    expect(
      await screen.findByRole('list', { name: 'Checks to fix first' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'InnerSource' }),
    ).toBeInTheDocument();
  });
});
