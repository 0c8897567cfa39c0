import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { BoardItem, InnerSourceClient, innerSourceApiRef } from '../../api';
import { helpWantedBoardRouteRef } from '../../routes';
import {
  boardItems,
  hostileItem,
  paymentsGateway,
  searchIndexer,
} from '../../__testUtils__/boardItems';
import { setupBoardServer } from '../../__testUtils__/boardServer';
import { HOSTILE_HTML, HOSTILE_URL } from '../../__testUtils__/entities';
import { expectNoInjectedMarkup } from '../../__testUtils__/renderWithEntity';
import { HelpWantedCard } from './HelpWantedCard';

const board = setupBoardServer();

function renderCard(options: { mountBoard?: boolean } = {}) {
  const { mountBoard = true } = options;
  return renderInTestApp(<HelpWantedCard />, {
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      ...(mountBoard ? { '/innersource': helpWantedBoardRouteRef } : {}),
    },
    apis: [
      [
        innerSourceApiRef,
        new InnerSourceClient({
          discoveryApi: mockApis.discovery(),
          fetchApi: mockApis.fetch(),
        }),
      ],
    ],
  });
}

function manyItems(count: number): BoardItem[] {
  return Array.from({ length: count }, (_, index) => ({
    ...searchIndexer,
    entityRef: `component:default/project-${index + 1}`,
    name: `project-${index + 1}`,
    title: `Project ${index + 1}`,
  }));
}

async function findProjects(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', {
    name: 'Projects asking for help',
  });
  return within(list).getAllByRole('listitem');
}

describe('HelpWantedCard', () => {
  it('lists the newest projects with links to their entity pages', async () => {
    board.serveItems(boardItems);
    renderCard();

    expect(
      screen.getByRole('heading', { name: 'Help wanted' }),
    ).toBeInTheDocument();
    const projects = await findProjects();
    expect(projects).toHaveLength(3);
    expect(board.lastRequest()?.get('sort')).toBe('newest');
    expect(board.lastRequest()?.get('limit')).toBe('5');

    const payments = projects[0];
    expect(
      within(payments).getByRole('link', { name: 'Payments Gateway' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-gateway');
    // Only the first ask, as text.
    expect(payments).toHaveTextContent(paymentsGateway.asks[0].text);
    expect(payments).not.toHaveTextContent(paymentsGateway.asks[1].text);
    // Up to three skills.
    expect(payments).toHaveTextContent('kotlin');
    expect(payments).toHaveTextContent('spring-boot');

    // A project without a title is linked by its name.
    expect(
      within(projects[1]).getByRole('link', { name: 'design-system' }),
    ).toHaveAttribute('href', '/catalog/default/component/design-system');

    expect(
      screen.getByRole('link', { name: 'See all 3 projects' }),
    ).toHaveAttribute('href', '/innersource');
  });

  it('shows at most five projects and the total on the board link', async () => {
    board.serveItems(manyItems(8));
    renderCard();

    expect(await findProjects()).toHaveLength(5);
    expect(
      screen.getByRole('link', { name: 'See all 8 projects' }),
    ).toHaveAttribute('href', '/innersource');
  });

  it('shows at most three skills of a project', async () => {
    board.serveItems([
      { ...searchIndexer, skills: ['rust', 'kotlin', 'go', 'zig', 'ocaml'] },
    ]);
    renderCard();

    const [project] = await findProjects();
    expect(within(project).getByLabelText('Skills').children).toHaveLength(3);
    expect(project).not.toHaveTextContent('zig');
  });

  it('leaves out the board link when the app has not mounted the board', async () => {
    board.serveItems(boardItems);
    renderCard({ mountBoard: false });

    expect(await findProjects()).toHaveLength(3);
    expect(
      screen.queryByRole('link', { name: /See all/ }),
    ).not.toBeInTheDocument();
  });

  it('says so when no team is asking for help', async () => {
    board.serveItems([]);
    renderCard();

    expect(
      await screen.findByText('No team is asking for help right now'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows a short error when the board cannot be loaded', async () => {
    board.serveResponse(() =>
      HttpResponse.json(
        { error: { name: 'Error', message: 'database is down' } },
        { status: 500 },
      ),
    );
    renderCard();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the help-wanted board.',
    );
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('renders hostile board data as text only', async () => {
    board.serveItems([hostileItem]);
    const { container } = await renderCard();

    const [project] = await findProjects();
    expect(project).toHaveTextContent(HOSTILE_HTML);
    expectNoInjectedMarkup(container);
    const hrefs = Array.from(container.querySelectorAll('a[href]')).map(a =>
      a.getAttribute('href'),
    );
    expect(hrefs).not.toContain(HOSTILE_URL);
    expect(hrefs).toEqual([
      '/catalog/default/component/hostile',
      '/innersource',
    ]);
  });
});
