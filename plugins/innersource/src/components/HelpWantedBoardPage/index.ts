export { HelpWantedBoard } from './HelpWantedBoard';
export { HelpWantedBoardPage } from './HelpWantedBoardPage';
