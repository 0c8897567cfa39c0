import { screen, within } from '@testing-library/react';
import { getComponentData } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityInnerSourceCard,
  EntityInnerSourceContent,
  HelpWantedBoardPage,
  HelpWantedHomeCard,
  helpWantedBoardRouteRef,
  InnerSourceClient,
  innerSourceApiRef,
  innersourcePlugin,
  isInnerSourceAvailable,
} from './index';
import { HelpWantedBoardPage as BoardPageComponent } from './components/HelpWantedBoardPage';
import { boardItems } from './__testUtils__/boardItems';
import { setupBoardServer } from './__testUtils__/boardServer';
import { bareEntity, completeEntity } from './__testUtils__/entities';
import { renderWithEntity } from './__testUtils__/renderWithEntity';

const board = setupBoardServer();

describe('the legacy frontend system exports', () => {
  it('provide the plugin with id innersource', () => {
    expect(innersourcePlugin.getId()).toBe('innersource');
  });

  it('register the InnerSource API client', () => {
    const factories = Array.from(innersourcePlugin.getApis());
    expect(factories.map(factory => factory.api.id)).toEqual([
      'plugin.innersource.service',
    ]);
  });

  it('mount the help-wanted board page at the plugin root route', () => {
    expect(innersourcePlugin.routes.root).toBe(helpWantedBoardRouteRef);
    expect(getComponentData(<HelpWantedBoardPage />, 'core.mountPoint')).toBe(
      helpWantedBoardRouteRef,
    );
  });

  it('render the help-wanted board page with its own header', async () => {
    board.serveItems(boardItems);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            innerSourceApiRef,
            new InnerSourceClient({
              discoveryApi: mockApis.discovery(),
              fetchApi: new MockFetchApi(),
            }),
          ],
        ]}
      >
        <BoardPageComponent />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Help wanted' }),
    ).toBeInTheDocument();
    const results = await screen.findByRole('list', {
      name: 'Help-wanted results',
    });
    expect(within(results).getAllByRole('article')).toHaveLength(3);
  });

  it('tell EntitySwitch whether an entity has innersource annotations', () => {
    expect(isInnerSourceAvailable(completeEntity)).toBe(true);
    expect(isInnerSourceAvailable(bareEntity)).toBe(false);
  });

  it('render the tab content as a component extension', async () => {
    await renderWithEntity(<EntityInnerSourceContent />, completeEntity);
    expect(
      await screen.findByRole('heading', { name: 'Help wanted' }),
    ).toBeInTheDocument();
  });

  it('render the card as a component extension', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, completeEntity);
    expect(
      await screen.findByText('Contributions welcome'),
    ).toBeInTheDocument();
  });

  it('render the home-page card as a component extension', async () => {
    board.serveItems(boardItems);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            innerSourceApiRef,
            new InnerSourceClient({
              discoveryApi: mockApis.discovery(),
              fetchApi: new MockFetchApi(),
            }),
          ],
        ]}
      >
        <HelpWantedHomeCard />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/innersource': helpWantedBoardRouteRef,
        },
      },
    );

    const list = await screen.findByRole('list', {
      name: 'Projects asking for help',
    });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(
      screen.getByRole('link', { name: 'See all 3 projects' }),
    ).toHaveAttribute('href', '/innersource');
  });
});
