import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import packageDefault, { helpWantedBoardRouteRef } from './index';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import plugin, {
  helpWantedBoardPage,
  helpWantedHomePageWidget,
  innerSourceApi,
  innerSourceEntityCard,
  innerSourceEntityContent,
} from './alpha';
import { boardItems } from './__testUtils__/boardItems';
import { setupBoardServer } from './__testUtils__/boardServer';
import { setupScorecardServer } from './__testUtils__/scorecardServer';
import { bareEntity, completeEntity } from './__testUtils__/entities';

const board = setupBoardServer();
// Entity pages load the scorecard; these tests see an entity not scored yet.
setupScorecardServer(board.server);

function ofKind(kind: string): Entity {
  return { ...bareEntity, kind };
}

describe('the new frontend system plugin', () => {
  it('is the default export of the package root and of /alpha', () => {
    expect(packageDefault).toBe(plugin);
    expect(plugin.pluginId).toBe('innersource');
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
  });

  it('adds the help-wanted board page at /innersource, titled for the sidebar', () => {
    const tester = createExtensionTester(helpWantedBoardPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/innersource');
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      helpWantedBoardRouteRef,
    );
    expect(tester.get(coreExtensionData.title)).toBe('InnerSource');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('renders the board under the InnerSource page header, with an InnerSource sidebar item', async () => {
    board.serveItems(boardItems);
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/innersource'],
      apis: [mockApis.discovery()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const results = await screen.findByRole('list', {
      name: 'Help-wanted results',
    });
    expect(within(results).getAllByRole('article')).toHaveLength(3);
    // The app's header re-renders its title once the page has registered its
    // breadcrumbs, so the heading is looked up after the page has loaded.
    expect(
      screen.getByRole('heading', { level: 1, name: 'InnerSource' }),
    ).toBeInTheDocument();
    const sidebar = screen.getByRole('navigation', { name: 'sidebar nav' });
    expect(
      within(sidebar).getByRole('link', { name: 'InnerSource' }),
    ).toHaveAttribute('href', '/innersource');
  });

  it('adds a Help wanted widget to the home page', () => {
    // Installed by the plugin as home-page-widget:innersource/help-wanted.
    expect(helpWantedHomePageWidget.toString()).toContain(
      'kind=home-page-widget,name=help-wanted,attachTo=page:home@widgets',
    );
    const tester = createExtensionTester(helpWantedHomePageWidget);
    const widget = tester.get(HomePageWidgetBlueprint.dataRefs.widget);
    expect(widget.name).toBe('HelpWantedCard');
    expect(widget.title).toBe('Help wanted');
  });

  it('adds the InnerSource tab to components, systems, APIs and resources', () => {
    const tester = createExtensionTester(innerSourceEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('innersource');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'InnerSource',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    for (const kind of ['Component', 'System', 'API', 'Resource']) {
      expect(filter(ofKind(kind))).toBe(true);
    }
    for (const kind of ['Group', 'User', 'Domain', 'Location']) {
      expect(filter(ofKind(kind))).toBe(false);
    }
  });

  it('shows the card only on entities with innersource annotations', () => {
    const tester = createExtensionTester(innerSourceEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(completeEntity)).toBe(true);
    expect(filter(bareEntity)).toBe(false);
  });

  it('renders the tab on an entity page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: completeEntity }),
        innerSourceEntityContent,
        innerSourceApi,
      ],
      apis: [mockApis.discovery()],
    });
    expect(
      await screen.findByRole('heading', { name: 'Help wanted' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'How to contribute' }),
    ).toBeInTheDocument();
  });

  it('renders the card on an entity page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: completeEntity }),
        innerSourceEntityCard,
        innerSourceApi,
      ],
      apis: [mockApis.discovery()],
    });
    expect(
      await screen.findByRole('heading', { name: 'InnerSource' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Contributions welcome')).toBeInTheDocument();
  });
});
