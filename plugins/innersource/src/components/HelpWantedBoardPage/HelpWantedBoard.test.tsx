import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { useLocation } from 'react-router-dom';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { BoardItem, InnerSourceClient, innerSourceApiRef } from '../../api';
import {
  boardItems,
  designSystem,
  hostileItem,
  paymentsGateway,
  searchIndexer,
} from '../../__testUtils__/boardItems';
import { setupBoardServer } from '../../__testUtils__/boardServer';
import { BIDI, HOSTILE_HTML, HOSTILE_URL } from '../../__testUtils__/entities';
import { expectNoInjectedMarkup } from '../../__testUtils__/renderWithEntity';
import { HelpWantedBoard } from './HelpWantedBoard';

const board = setupBoardServer();

/** Shows the current query string, so tests can read the board's URL state. */
function LocationSearch() {
  const location = useLocation();
  return <div data-testid="url-query">{location.search}</div>;
}

function renderBoard(url = '/innersource') {
  return renderInTestApp(
    <>
      <HelpWantedBoard />
      <LocationSearch />
    </>,
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

function urlQuery(): string {
  return screen.getByTestId('url-query').textContent ?? '';
}

async function findResults(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Help-wanted results' });
  return within(list).getAllByRole('article');
}

async function findCard(title: string): Promise<HTMLElement> {
  return screen.findByRole('article', { name: title });
}

function manyItems(count: number): BoardItem[] {
  return Array.from({ length: count }, (_, index) => ({
    ...searchIndexer,
    entityRef: `component:default/project-${index + 1}`,
    name: `project-${index + 1}`,
    title: `Project ${index + 1}`,
  }));
}

describe('HelpWantedBoard', () => {
  it('renders a card for every project the API returns', async () => {
    board.serveItems(boardItems);
    renderBoard();

    expect(await findResults()).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent(
      '3 projects looking for help',
    );
    expect(board.lastRequest()?.toString()).toBe('limit=20');

    const card = within(await findCard('Payments Gateway'));
    expect(
      card.getByRole('heading', { level: 2, name: 'Payments Gateway' }),
    ).toBeInTheDocument();
    expect(
      card.getByRole('link', { name: 'Payments Gateway' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-gateway');
    expect(card.getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(card.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/system/checkout',
    );
    expect(
      card.getByText('Card and wallet payments for every storefront'),
    ).toBeInTheDocument();

    const asks = card.getAllByRole('listitem');
    expect(asks).toHaveLength(3);
    expect(asks[0]).toHaveTextContent('codeAdd Klarna as a payment provider');
    expect(asks[1]).toHaveTextContent(
      'docsWrite a Kotlin quickstart for calling the gateway',
    );
    expect(asks[2]).toHaveTextContent(
      /^Cover the capture retry policy with contract tests$/,
    );

    for (const skill of ['kotlin', 'java', 'spring-boot']) {
      expect(
        card.getByRole('button', { name: `Filter by skill ${skill}` }),
      ).toBeInTheDocument();
    }
    expect(card.getByText('Wanted:').parentElement).toHaveTextContent(
      'Wanted:codedocstests',
    );
    expect(
      card.getByText('First response within').nextSibling,
    ).toHaveTextContent('2d');
    expect(card.getByText('Help wanted until').nextSibling).toHaveTextContent(
      '2099-12-31',
    );
    expect(card.getByRole('link', { name: /^Read the guide/ })).toHaveAttribute(
      'href',
      'https://github.com/acme-retail/payments-gateway/blob/main/CONTRIBUTING.md',
    );
    expect(card.getByText('#payments-dev')).toBeInTheDocument();
    expect(
      card.queryByRole('link', { name: /^Talk to the maintainers/ }),
    ).not.toBeInTheDocument();
  });

  it('falls back to the name, links chat URLs and shows unresolved guide paths as text', async () => {
    board.serveItems(boardItems);
    renderBoard();

    const card = within(await findCard('design-system'));
    expect(card.getByRole('link', { name: 'design-system' })).toHaveAttribute(
      'href',
      '/catalog/default/component/design-system',
    );
    expect(
      card.getByRole('link', { name: /^Talk to the maintainers/ }),
    ).toHaveAttribute('href', 'https://chat.acme.example/channels/design');
    expect(card.getByText('docs/CONTRIBUTING.md')).toBeInTheDocument();
    expect(
      card.queryByRole('link', { name: /^Read the guide/ }),
    ).not.toBeInTheDocument();
  });

  it('lists the live good-first issues the code host reported, with their age', async () => {
    board.serveItems(boardItems);
    renderBoard();

    const card = within(await findCard('design-system'));
    const issues = within(
      card.getByRole('region', { name: 'Good-first issues of design-system' }),
    );
    expect(
      issues.getByText('4 open good-first issues').parentElement,
    ).toHaveTextContent('4 open good-first issues · as of 2 hours ago');
    const newest = issues.getAllByRole('listitem');
    expect(newest).toHaveLength(2);
    expect(
      within(newest[0]).getByRole('link', {
        name: /^Dark mode for the date picker/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme-retail/design-system/issues/41',
    );
    expect(newest[0]).toHaveTextContent(
      'good first issuea11yopened 3 days ago',
    );
    expect(newest[1]).toHaveTextContent('opened 10 days ago');
    expect(issues.getByText('Last commit 5 hours ago')).toBeInTheDocument();
    expect(issues.getByRole('link', { name: /^Repository/ })).toHaveAttribute(
      'href',
      'https://github.com/acme-retail/design-system',
    );
  });

  it('shows nothing about issues on cards the code host reported nothing for', async () => {
    board.serveItems(boardItems);
    renderBoard();

    const card = await findCard('Search Indexer');
    expect(card).not.toHaveTextContent(/good-first|Repository|as of/);
    expect(within(card).queryByRole('region')).toBeNull();
  });

  it('filters by "Has good-first issues", kept in the URL and sent to the API', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard('/innersource?skill=react');
    await findResults();

    const filter = screen.getByRole('checkbox', {
      name: 'Has good-first issues',
    });
    expect(filter).not.toBeChecked();
    await user.click(filter);

    await waitFor(() => expect(urlQuery()).toBe('?skill=react&issues=true'));
    await waitFor(() =>
      expect(board.lastRequest()?.toString()).toBe(
        'skill=react&issues=true&limit=20',
      ),
    );
    expect(
      screen.getByRole('checkbox', { name: 'Has good-first issues' }),
    ).toBeChecked();

    await user.click(
      screen.getByRole('checkbox', { name: 'Has good-first issues' }),
    );
    await waitFor(() => expect(urlQuery()).toBe('?skill=react'));
  });

  it('applies issues=true from a shared URL and offers to clear it', async () => {
    const user = userEvent.setup();
    board.serveItems([paymentsGateway, designSystem, searchIndexer]);
    renderBoard('/innersource?issues=true');

    expect(await findResults()).toHaveLength(1);
    expect(board.requests.map(params => params.toString())).toEqual([
      'issues=true&limit=20',
    ]);
    expect(
      screen.getByRole('checkbox', { name: 'Has good-first issues' }),
    ).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(urlQuery()).toBe(''));
  });

  it('sorts by most issues and by most activity', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard();
    await findResults();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort by' }),
      'Most issues',
    );
    await waitFor(() => expect(urlQuery()).toBe('?sort=most-issues'));
    await waitFor(() =>
      expect(board.lastRequest()?.get('sort')).toBe('most-issues'),
    );
    await waitFor(async () =>
      expect((await findResults())[0]).toHaveAccessibleName('design-system'),
    );

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort by' }),
      'Most active',
    );
    await waitFor(() => expect(urlQuery()).toBe('?sort=most-active'));
    await waitFor(() =>
      expect(board.lastRequest()?.get('sort')).toBe('most-active'),
    );
  });

  it('builds the filters from the facets, with counts', async () => {
    board.serveItems(boardItems);
    renderBoard();
    await findResults();

    const skills = screen.getByRole('group', { name: 'Skills' });
    expect(
      within(skills).getByRole('checkbox', { name: 'kotlin (2)' }),
    ).not.toBeChecked();
    expect(
      within(skills).getByRole('checkbox', { name: 'rust (1)' }),
    ).toBeInTheDocument();
    const types = screen.getByRole('group', { name: 'Contribution types' });
    expect(
      within(types).getByRole('checkbox', { name: 'docs (2)' }),
    ).toBeInTheDocument();
    const owners = screen.getByRole('combobox', { name: 'Owner' });
    expect(
      within(owners)
        .getAllByRole('option')
        .map(option => option.textContent?.replace(/[\u2068\u2069]/g, '')),
    ).toEqual(['Any owner', 'payments (1)', 'web (1)', 'user:jane-doe (1)']);
    expect(screen.getByRole('combobox', { name: 'System' })).toHaveValue('');
    expect(
      within(screen.getByRole('group', { name: 'Tags' })).getByRole(
        'checkbox',
        { name: 'jvm (1)' },
      ),
    ).toBeInTheDocument();
  });

  it('searches once typing pauses and keeps the text in the URL', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard();
    await findResults();

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'rust');

    await waitFor(() => expect(urlQuery()).toBe('?q=rust'));
    await waitFor(async () => expect(await findResults()).toHaveLength(1));
    expect(board.lastRequest()?.toString()).toBe('q=rust&limit=20');
    // One request for the whole word, none per keystroke.
    expect(board.requests.filter(params => params.has('q'))).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 project looking for help',
    );
  });

  it('filters by a skill when its checkbox is toggled, and unfilters', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard();
    await findResults();

    await user.click(screen.getByRole('checkbox', { name: 'rust (1)' }));

    await waitFor(() => expect(urlQuery()).toBe('?skill=rust'));
    await waitFor(async () => expect(await findResults()).toHaveLength(1));
    expect(board.lastRequest()?.toString()).toBe('skill=rust&limit=20');
    expect(screen.getByRole('checkbox', { name: 'rust (1)' })).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'rust (1)' }));

    await waitFor(() => expect(urlQuery()).toBe(''));
    await waitFor(async () => expect(await findResults()).toHaveLength(3));
    expect(board.lastRequest()?.toString()).toBe('limit=20');
  });

  it('adds a skill filter when a skill on a card is clicked', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard('/innersource?type=code');
    const card = within(await findCard('Payments Gateway'));

    await user.click(
      card.getByRole('button', { name: 'Filter by skill java' }),
    );

    await waitFor(() => expect(urlQuery()).toBe('?skill=java&type=code'));
    await waitFor(() =>
      expect(board.lastRequest()?.toString()).toBe(
        'skill=java&type=code&limit=20',
      ),
    );
    expect(
      await screen.findByRole('checkbox', { name: 'java (1)' }),
    ).toBeChecked();
  });

  it('applies the filters of a shared URL and sends them to the API', async () => {
    board.serveItems(boardItems);
    renderBoard(
      '/innersource?q=retry&skill=kotlin&type=tests&owner=group:payments&tag=jvm&sort=newest&cursor=40&utm_source=mail',
    );

    expect(await findResults()).toHaveLength(1);
    expect(board.requests.map(params => params.toString())).toEqual([
      'q=retry&skill=kotlin&type=tests&owner=group%3Adefault%2Fpayments&tag=jvm&sort=newest&limit=20',
    ]);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue(
      'retry',
    );
    expect(screen.getByRole('checkbox', { name: 'kotlin (1)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'tests (1)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'jvm (1)' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue(
      'group:default/payments',
    );
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue(
      'newest',
    );
  });

  it('keeps a selected filter visible when the results no longer offer it', async () => {
    board.serveItems(boardItems);
    renderBoard('/innersource?skill=cobol&owner=group:mainframe');

    expect(
      await screen.findByRole('checkbox', { name: 'cobol (0)' }),
    ).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue(
      'group:default/mainframe',
    );
  });

  it('sorts through the sort select and leaves the default out of the URL', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard('/innersource?skill=kotlin');
    await findResults();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort by' }),
      'Most asks',
    );
    await waitFor(() =>
      expect(urlQuery()).toBe('?skill=kotlin&sort=most-asks'),
    );
    await waitFor(() =>
      expect(board.lastRequest()?.get('sort')).toBe('most-asks'),
    );

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort by' }),
      'Best match',
    );
    await waitFor(() => expect(urlQuery()).toBe('?skill=kotlin'));
  });

  it('filters by domain through the domain select, kept in the URL', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard();
    await findResults();

    const domains = screen.getByRole('combobox', { name: 'Domain' });
    expect(domains).toHaveValue('');
    await user.selectOptions(domains, 'domain:default/commerce');
    await waitFor(() =>
      expect(urlQuery()).toBe('?domain=domain%3Adefault%2Fcommerce'),
    );
    await waitFor(() =>
      expect(board.lastRequest()?.get('domain')).toBe(
        'domain:default/commerce',
      ),
    );
  });

  it('says when no team asks for help with the filters, and clears them', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    renderBoard('/innersource?q=cobol&skill=kotlin&sort=newest');

    expect(
      await screen.findByText('No team is asking for help with these filters'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Help-wanted results' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '0 projects looking for help',
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => expect(urlQuery()).toBe('?sort=newest'));
    expect(await findResults()).toHaveLength(3);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('says when no team asks for help at all', async () => {
    board.serveItems([]);
    renderBoard();

    expect(
      await screen.findByText('No team is asking for help yet'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error and tries again', async () => {
    const user = userEvent.setup();
    board.serveResponse(() =>
      HttpResponse.json(
        {
          error: { name: 'Error', message: 'The board is not ready' },
          request: { method: 'GET', url: '/board' },
          response: { statusCode: 503 },
        },
        { status: 503 },
      ),
    );
    renderBoard();

    expect(
      await screen.findByText(/The board is not ready/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Help-wanted results' }),
    ).not.toBeInTheDocument();

    board.serveItems(boardItems);
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await findResults()).toHaveLength(3);
    expect(
      screen.queryByText(/The board is not ready/),
    ).not.toBeInTheDocument();
  });

  it('loads more projects into the list and moves focus to the first new one', async () => {
    const user = userEvent.setup();
    board.serveItems(manyItems(25));
    renderBoard('/innersource?skill=rust');

    expect(await findResults()).toHaveLength(20);
    expect(screen.getByText('Showing 20 of 25')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(async () => expect(await findResults()).toHaveLength(25));
    expect(board.lastRequest()?.toString()).toBe(
      'skill=rust&limit=20&cursor=20',
    );
    expect(screen.getByRole('link', { name: 'Project 21' })).toHaveFocus();
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
    // Paging stays out of the URL: a shared link starts at the first page.
    expect(urlQuery()).toBe('?skill=rust');
  });

  it('exports the matching projects through the API', async () => {
    const user = userEvent.setup();
    board.serveItems(boardItems);
    const createObjectURL = jest.fn(() => 'blob:help-wanted');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function saveAs(this: HTMLAnchorElement) {
        expect(this.download).toBe('help-wanted.csv');
        expect(this.href).toBe('blob:help-wanted');
      });
    renderBoard('/innersource?skill=kotlin');
    await findResults();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(board.lastRequest()?.toString()).toBe('skill=kotlin&format=csv');
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    click.mockRestore();
  });

  it('renders hostile project data as text, never as markup or links', async () => {
    board.serveItems([hostileItem]);
    const { container } = renderBoard();

    const card = within(await findCard(HOSTILE_HTML));
    expectNoInjectedMarkup(container);
    expect(
      container.querySelectorAll('a[href^="javascript:"], a[href^="data:"]'),
    ).toHaveLength(0);
    expect(card.queryByRole('link', { name: /^Read the guide/ })).toBeNull();
    expect(
      card.queryByRole('link', { name: /^Talk to the maintainers/ }),
    ).toBeNull();
    // Shown literally, each value isolated in its own <bdi>.
    expect(card.getAllByText(HOSTILE_HTML).length).toBeGreaterThan(1);
    for (const text of [HOSTILE_URL, BIDI]) {
      const element = card.getAllByText(text)[0];
      expect(element.tagName).toBe('BDI');
    }
    expect(
      card.getByRole('button', { name: `Filter by skill ${HOSTILE_URL}` }),
    ).toBeInTheDocument();
  });

  it('renders hostile code-host issues as text, and script or data URLs not as links', async () => {
    board.serveItems([hostileItem]);
    const { container } = renderBoard();

    const card = within(await findCard(HOSTILE_HTML));
    const issues = within(
      card.getByRole('region', {
        name: `Good-first issues of ${HOSTILE_HTML}`,
      }),
    );
    expectNoInjectedMarkup(container);
    // The titles are there literally, and neither URL became a link.
    expect(issues.getByText(HOSTILE_HTML).tagName).toBe('BDI');
    expect(
      issues.getByText(`<a href="${HOSTILE_URL}">free bounty</a>`),
    ).toBeInTheDocument();
    expect(issues.queryAllByRole('link')).toHaveLength(0);
    expect(issues.getByText('<svg onload=alert(1)>')).toBeInTheDocument();
    // A read time that is not a time gives no age rather than "NaN days ago".
    expect(
      issues.getByText('2 open good-first issues').parentElement,
    ).toHaveTextContent(/^2 open good-first issues$/);
    expect(issues.getAllByRole('listitem')[1]).toHaveTextContent(
      'opened 1 hour ago',
    );
  });
});
