import EmojiPeopleIcon from '@material-ui/icons/EmojiPeople';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { HELP_WANTED_SEARCH_TYPE } from '@innersource/backstage-plugin-innersource-common';
import {
  INNERSOURCE_ENTITY_KINDS,
  isInnerSourceAvailable,
} from './isInnerSourceAvailable';
import { InnerSourceClient, innerSourceApiRef } from './api';
import {
  ENTITY_TAB_PATH,
  HELP_WANTED_BOARD_PATH,
  HELP_WANTED_BOARD_TITLE,
  helpWantedBoardRouteRef,
  INNERSOURCE_PAGE_TITLE,
} from './routes';

/**
 * The client of the InnerSource backend, {@link innerSourceApiRef}.
 *
 * @alpha
 */
export const innerSourceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: innerSourceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InnerSourceClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The InnerSource page: the help-wanted board at `/innersource`, with the
 * scorecard overview as a second tab at `/innersource/scorecards`. Its title and
 * icon also make the "InnerSource" item of the app's sidebar, which lists every
 * page that has both.
 *
 * @alpha
 */
export const helpWantedBoardPage = PageBlueprint.make({
  params: {
    path: HELP_WANTED_BOARD_PATH,
    routeRef: helpWantedBoardRouteRef,
    title: INNERSOURCE_PAGE_TITLE,
    icon: <EmojiPeopleIcon />,
    loader: () =>
      import('./components/InnerSourcePage').then(m => <m.InnerSourceTabs />),
  },
});

/**
 * The InnerSource tab on the pages of components, systems, APIs and resources. It is
 * shown for entities without annotations too, where it offers a snippet to start from.
 *
 * @alpha
 */
export const innerSourceEntityContent = EntityContentBlueprint.make({
  params: {
    path: ENTITY_TAB_PATH,
    title: 'InnerSource',
    filter: { kind: { $in: INNERSOURCE_ENTITY_KINDS } },
    loader: () =>
      import('./components/EntityInnerSourceContent').then(m => (
        <m.EntityInnerSourceContent />
      )),
  },
});

/**
 * The compact InnerSource card on the Overview tab of entities that carry
 * `innersource/*` annotations.
 *
 * @alpha
 */
export const innerSourceEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isInnerSourceAvailable,
    loader: () =>
      import('./components/EntityInnerSourceCard').then(m => (
        <m.EntityInnerSourceCard />
      )),
  },
});

/**
 * Renders help-wanted asks (type `innersource-help-wanted`, from
 * `@innersource/backstage-plugin-search-backend-module-innersource`) in search results.
 *
 * @alpha
 */
export const helpWantedSearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      predicate: result => result.type === HELP_WANTED_SEARCH_TYPE,
      icon: <EmojiPeopleIcon />,
      component: () =>
        import('./components/HelpWantedSearchResultListItem').then(
          m => m.HelpWantedSearchResultListItem,
        ),
    },
  });

/**
 * A "Help wanted" entry in the search page's result type filter.
 *
 * @alpha
 */
export const helpWantedSearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: HELP_WANTED_SEARCH_TYPE,
    name: HELP_WANTED_BOARD_TITLE,
    icon: <EmojiPeopleIcon />,
  },
});

/**
 * The "Help wanted" widget of the home page (`home-page-widget:innersource/help-wanted`):
 * the five newest projects asking for help and a link to the board.
 *
 * @alpha
 */
export const helpWantedHomePageWidget = HomePageWidgetBlueprint.make({
  name: 'help-wanted',
  params: {
    name: 'HelpWantedCard',
    title: HELP_WANTED_BOARD_TITLE,
    description:
      'The newest projects whose teams ask for contributions, with a link to the help-wanted board.',
    components: () =>
      import('./components/HelpWantedCard').then(m => ({
        Content: m.HelpWantedCardContent,
      })),
  },
});

/**
 * The InnerSource plugin for the new frontend system, also the default export of the
 * package root, so `app.packages: all` discovers it.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'innersource',
  title: 'InnerSource',
  routes: {
    root: helpWantedBoardRouteRef,
  },
  extensions: [
    innerSourceApi,
    helpWantedBoardPage,
    innerSourceEntityContent,
    innerSourceEntityCard,
    helpWantedSearchResultListItem,
    helpWantedSearchResultType,
    helpWantedHomePageWidget,
  ],
});
