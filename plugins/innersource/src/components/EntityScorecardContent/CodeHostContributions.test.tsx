import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { mockApis, MockFetchApi } from '@backstage/test-utils';
import { EntityCodeHostSummary } from '@innersource/backstage-plugin-innersource-common';
import { InnerSourceClient } from '../../api';
import {
  bareEntity,
  completeEntity,
  HOSTILE_HTML,
  HOSTILE_URL,
} from '../../__testUtils__/entities';
import {
  expectNoInjectedMarkup,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import {
  freshCodeHost,
  goldCandidateScorecard,
} from '../../__testUtils__/scorecards';
import { setupScorecardServer } from '../../__testUtils__/scorecardServer';
import { hoursAgo } from '../../__testUtils__/time';
import { localTime } from '../../relativeTime';
import { CODE_HOST_MODULE_DOCS_URL } from './CodeHostContributions';
import { EntityScorecardContent } from './EntityScorecardContent';

const scorecards = setupScorecardServer();

/** Renders the scorecard of an entity whose code-host summary is this. */
async function renderContributions(
  codeHost: EntityCodeHostSummary | undefined,
  entity: Entity = completeEntity,
) {
  scorecards.serveScorecard({
    ...goldCandidateScorecard,
    entityRef: `component:default/${entity.metadata.name}`,
    codeHost,
  });
  const rendered = await renderWithEntity(<EntityScorecardContent />, entity, {
    innerSourceApi: new InnerSourceClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    }),
  });
  const section = await screen.findByRole('region', { name: 'Contributions' });
  return { ...rendered, section: within(section), element: section };
}

/** The text of the definition next to a term of the section's list. */
function fieldText(element: HTMLElement, term: string): string {
  const dt = within(element).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

describe('the Contributions section of the scorecard', () => {
  it('shows the share from other teams, the teams, first response and last commit, as of the read', async () => {
    const { section, element } = await renderContributions(freshCodeHost);

    expect(
      section.getByText('As of 2 hours ago, read from GitHub'),
    ).toBeInTheDocument();
    expect(fieldText(element, 'From other teams')).toBe(
      '5 of 12 merged pull requests came from other teams, 42%, last 180 days',
    );
    const teams = within(
      section.getByRole('list', { name: 'Contributing teams' }),
    ).getAllByRole('listitem');
    expect(teams.map(team => team.textContent)).toEqual([
      'search: 3 merged',
      'web: 2 merged',
    ]);
    expect(
      within(teams[0]).getByRole('link', { name: 'search' }),
    ).toHaveAttribute('href', '/catalog/default/group/search');
    expect(fieldText(element, 'First response')).toBe(
      'Median 30 hours over 5 outside contributions; within the promised 2d (innersource/response-time)',
    );
    expect(fieldText(element, 'Last commit')).toBe(
      '3 days ago (as of 2 hours ago)',
    );
    expect(fieldText(element, 'Open good-first issues')).toBe('4');
    expect(
      section.getByRole('link', { name: /^acme-retail\/payments-gateway/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme-retail/payments-gateway',
    );
    expect(section.queryByRole('alert')).toBeNull();
  });

  it('names the authors with no catalog user and the annotation that maps them', async () => {
    const { element } = await renderContributions(freshCodeHost);

    expect(fieldText(element, 'Unknown authors')).toBe(
      '3 merged by authors with no catalog user: octo-cat, ghost-writer — add github.com/user-login: <login> to their User entity',
    );
  });

  it('says the GitLab annotation and merge requests for a GitLab project', async () => {
    const { element } = await renderContributions({
      ...freshCodeHost,
      repository: {
        provider: 'gitlab',
        host: 'gitlab.example.com',
        slug: 'retail/payments/gateway',
        url: 'https://gitlab.example.com/retail/payments/gateway',
      },
    });

    expect(fieldText(element, 'From other teams')).toMatch(
      /^5 of 12 merged merge requests/,
    );
    expect(fieldText(element, 'Unknown authors')).toContain(
      'add gitlab.com/user-login: <login>',
    );
  });

  it('compares the first response with the default when the entity promises none', async () => {
    const { element } = await renderContributions(freshCodeHost, bareEntity);

    expect(fieldText(element, 'First response')).toBe(
      'Median 30 hours over 5 outside contributions; the promise is the default, as innersource/response-time is not set',
    );
  });

  it('says when the median is slower than the promise, and when nobody needed an answer', async () => {
    const slow = await renderContributions({
      ...freshCodeHost,
      contributions: {
        ...freshCodeHost.contributions!,
        medianFirstResponseHours: 96,
        responseSamples: 1,
      },
    });
    expect(fieldText(slow.element, 'First response')).toBe(
      'Median 4 days over 1 outside contribution; slower than the promised 2d (innersource/response-time)',
    );
    slow.unmount();

    const none = await renderContributions({
      ...freshCodeHost,
      contributions: {
        ...freshCodeHost.contributions!,
        merged: 0,
        outside: 0,
        inside: 0,
        unknown: 0,
        unknownLogins: [],
        crossTeamRatio: null,
        contributingTeams: [],
        medianFirstResponseHours: null,
        responseSamples: 0,
      },
    });
    expect(fieldText(none.element, 'From other teams')).toBe(
      'No merged pull requests (last 180 days)',
    );
    expect(fieldText(none.element, 'First response')).toBe(
      'No outside contribution to respond to in the last 180 days',
    );
    expect(none.section.queryByText('Unknown authors')).toBeNull();
    expect(none.section.queryByText('Contributing teams')).toBeNull();
  });

  it('says the counts are lower bounds when the host had more pull requests than were read', async () => {
    const { element } = await renderContributions({
      ...freshCodeHost,
      contributions: { ...freshCodeHost.contributions!, truncated: true },
    });

    expect(fieldText(element, 'From other teams')).toBe(
      '5 of 12 merged pull requests came from other teams, 42%, last 180 days. GitHub had more than were read, so these counts are lower bounds',
    );
  });

  it('says when the last read failed after the facts it shows', async () => {
    const failedAt = hoursAgo(1);
    const { section } = await renderContributions({
      ...freshCodeHost,
      lastFailureAt: failedAt,
      lastFailure: 'GitHub answered 403 (rate limit) until 14:05 UTC',
    });

    expect(section.getByRole('alert')).toHaveTextContent(
      `GitHub could not be read at ${localTime(
        failedAt,
      )}: GitHub answered 403 (rate limit) until 14:05 UTC; showing facts as of 2 hours ago`,
    );
  });

  it('does not warn about a failure older than the facts', async () => {
    const { section } = await renderContributions({
      ...freshCodeHost,
      lastFailureAt: hoursAgo(30),
      lastFailure: 'GitHub answered 502',
    });

    expect(section.queryByRole('alert')).toBeNull();
  });

  it('says expired facts no longer count, with the last failure, and shows none of them', async () => {
    const failedAt = hoursAgo(1);
    const { section, element } = await renderContributions({
      ...freshCodeHost,
      status: 'expired',
      readAt: hoursAgo(9 * 24 + 3),
      lastFailureAt: failedAt,
      lastFailure: 'GitHub answered 401: the token expired',
    });

    expect(
      section.getByText(
        'Last read 9 days ago; older than the maximum age, so it no longer counts.',
      ),
    ).toBeInTheDocument();
    expect(element).toHaveTextContent(
      `Last attempt at ${localTime(
        failedAt,
      )}: GitHub answered 401: the token expired`,
    );
    expect(element).not.toHaveTextContent(/merged|First response|42%/);
    expect(
      section.getByRole('link', { name: /^acme-retail\/payments-gateway/ }),
    ).toBeInTheDocument();
  });

  it('says a repository not read yet is pending', async () => {
    const { section, element } = await renderContributions({
      status: 'pending',
      repository: freshCodeHost.repository,
    });

    expect(
      section.getByText('Not read from the code host yet.'),
    ).toBeInTheDocument();
    expect(element).not.toHaveTextContent(/merged|0 of/);
    expect(section.queryByRole('alert')).toBeNull();
  });

  it('says why a pending repository was not read: its last failed attempt', async () => {
    const { section } = await renderContributions({
      status: 'pending',
      repository: freshCodeHost.repository,
      lastFailure:
        'GitHub answered 403 (rate limit) for acme/reporting-dashboards; localhost:7009 is read again after 04:58 UTC',
      lastFailureAt: '2030-06-15T10:00:00Z',
    });

    expect(section.getByRole('alert')).toHaveTextContent(
      /^The last attempt at .+ failed: GitHub answered 403 \(rate limit\) for acme\/reporting-dashboards; localhost:7009 is read again after 04:58 UTC$/,
    );
  });

  it('gives the reason, with its fix, when no provider can read the repository', async () => {
    const { section } = await renderContributions({
      status: 'unavailable',
      reason:
        'github.com/project-slug "payments" is not "owner/name"; write it as acme-retail/payments',
    });

    expect(
      section.getByText(
        'github.com/project-slug "payments" is not "owner/name"; write it as acme-retail/payments',
      ),
    ).toBeInTheDocument();
  });

  it('says how to get code-host facts when the scorecard has none', async () => {
    const { section } = await renderContributions(undefined);

    expect(
      section.getByText(
        /^No code-host facts: install the GitHub or GitLab module/,
      ),
    ).toBeInTheDocument();
    expect(
      section.getByRole('link', { name: /^How to install a code-host module/ }),
    ).toHaveAttribute('href', CODE_HOST_MODULE_DOCS_URL);
  });

  it('renders hostile logins, teams, failures and URLs as text', async () => {
    const { container, section } = await renderContributions({
      ...freshCodeHost,
      repository: {
        ...freshCodeHost.repository!,
        slug: HOSTILE_HTML,
        url: HOSTILE_URL,
      },
      lastFailureAt: hoursAgo(1),
      lastFailure: HOSTILE_HTML,
      contributions: {
        ...freshCodeHost.contributions!,
        unknownLogins: [HOSTILE_HTML],
        contributingTeams: [{ team: HOSTILE_URL, merged: 1 }],
      },
    });

    expectNoInjectedMarkup(container);
    expect(section.getAllByText(HOSTILE_HTML)).toHaveLength(3);
    expect(section.getByText(HOSTILE_URL).tagName).toBe('BDI');
    expect(section.queryByRole('link', { name: HOSTILE_HTML })).toBeNull();
  });
});
