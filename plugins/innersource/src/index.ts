/**
 * InnerSource for Backstage: the help-wanted board, the entity InnerSource tab and
 * Overview card, and the client of the InnerSource backend.
 *
 * The default export is the plugin for the new frontend system; the named exports
 * serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export {
  innersourcePlugin,
  EntityInnerSourceContent,
  EntityInnerSourceCard,
  HelpWantedBoardPage,
  HelpWantedSearchResultListItem,
  HelpWantedHomeCard,
} from './plugin';
export type { HelpWantedSearchResultListItemProps } from './components/HelpWantedSearchResultListItem';
export { helpWantedBoardRouteRef } from './routes';
export { isInnerSourceAvailable } from './isInnerSourceAvailable';
export { InnerSourceBadgeChip } from './components/InnerSourceBadgeChip';
export type { InnerSourceBadgeChipProps } from './components/InnerSourceBadgeChip';
export type { ReadmeBadgeDialogProps } from './components/ReadmeBadgeDialog';
export { ReadmeBadgeDialog } from './components/ReadmeBadgeDialog';
export * from './api';
