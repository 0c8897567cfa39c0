export {
  HelpWantedSearchResultListItem,
  type HelpWantedSearchResultListItemProps,
} from './HelpWantedSearchResultListItem';
