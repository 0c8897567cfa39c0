import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { HELP_WANTED_SEARCH_TYPE } from '@innersource/backstage-plugin-innersource-common';
import { InnerSourceClient, innerSourceApiRef } from './api';
import { helpWantedBoardRouteRef } from './routes';

/**
 * The InnerSource plugin for apps on the legacy frontend system. Apps on the new
 * frontend system use the package's default export instead.
 *
 * @public
 */
export const innersourcePlugin = createPlugin({
  id: 'innersource',
  apis: [
    createApiFactory({
      api: innerSourceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InnerSourceClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: helpWantedBoardRouteRef,
  },
});

/**
 * The InnerSource page, with its own header, for a `Route` in the legacy frontend
 * system's `App.tsx` (the README uses `/innersource`): the help-wanted board, and
 * the scorecard overview as a second tab at `/innersource/scorecards`.
 *
 * @public
 */
export const HelpWantedBoardPage = innersourcePlugin.provide(
  createRoutableExtension({
    name: 'HelpWantedBoardPage',
    component: () =>
      import('./components/InnerSourcePage').then(m => m.InnerSourcePage),
    mountPoint: helpWantedBoardRouteRef,
  }),
);

/**
 * The entity InnerSource tab, for `EntityLayout.Route` in the legacy frontend system.
 *
 * @public
 */
export const EntityInnerSourceContent = innersourcePlugin.provide(
  createComponentExtension({
    name: 'EntityInnerSourceContent',
    component: {
      lazy: () =>
        import('./components/EntityInnerSourceContent').then(
          m => m.EntityInnerSourceContent,
        ),
    },
  }),
);

/**
 * The compact InnerSource card for the entity Overview tab in the legacy frontend
 * system.
 *
 * @public
 */
export const EntityInnerSourceCard = innersourcePlugin.provide(
  createComponentExtension({
    name: 'EntityInnerSourceCard',
    component: {
      lazy: () =>
        import('./components/EntityInnerSourceCard').then(
          m => m.EntityInnerSourceCard,
        ),
    },
  }),
);

/**
 * The search result item of a help-wanted ask (type `innersource-help-wanted`), for
 * the legacy frontend system's `SearchResult` list.
 *
 * @public
 */
export const HelpWantedSearchResultListItem = innersourcePlugin.provide(
  createSearchResultListItemExtension({
    name: 'HelpWantedSearchResultListItem',
    component: () =>
      import('./components/HelpWantedSearchResultListItem').then(
        m => m.HelpWantedSearchResultListItem,
      ),
    predicate: result => result.type === HELP_WANTED_SEARCH_TYPE,
  }),
);

/**
 * A compact "Help wanted" card for the legacy frontend system's home page (for
 * example a `CustomHomepageGrid` of `@backstage/plugin-home`): the five newest
 * projects asking for help and a link to the board.
 *
 * @public
 */
export const HelpWantedHomeCard = innersourcePlugin.provide(
  createComponentExtension({
    name: 'HelpWantedHomeCard',
    component: {
      lazy: () =>
        import('./components/HelpWantedCard').then(m => m.HelpWantedCard),
    },
  }),
);
