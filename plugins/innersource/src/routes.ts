import { createRouteRef } from '@backstage/core-plugin-api';

/** The path of the entity tab, relative to the entity page; the card links to it. */
export const ENTITY_TAB_PATH = 'innersource';

/** Where the new frontend system mounts the help-wanted board. */
export const HELP_WANTED_BOARD_PATH = '/innersource';

/** The scorecard overview tab of the `/innersource` page, relative to it. */
export const SCORECARDS_TAB_PATH = 'scorecards';

/** The board's title: its tab on the InnerSource page, its home-page card, its search type. */
export const HELP_WANTED_BOARD_TITLE = 'Help wanted';

/** The `/innersource` page's title: its header and its sidebar item. */
export const INNERSOURCE_PAGE_TITLE = 'InnerSource';

/**
 * The help-wanted board page, for links from other plugins and for binding in the
 * legacy frontend system.
 *
 * @public
 */
export const helpWantedBoardRouteRef = createRouteRef({
  id: 'innersource-help-wanted-board',
});
