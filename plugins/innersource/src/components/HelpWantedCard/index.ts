export {
  HelpWantedCard,
  HelpWantedCardContent,
  HELP_WANTED_CARD_LIMIT,
} from './HelpWantedCard';
