import { Content, Header, Page } from '@backstage/core-components';
import { HELP_WANTED_BOARD_TITLE } from '../../routes';
import { HelpWantedBoard } from './HelpWantedBoard';

/**
 * The help-wanted board as a whole page with its own header, for the legacy frontend
 * system. The new frontend system renders `HelpWantedBoard` under the app's page
 * header instead.
 *
 * @public
 */
export function HelpWantedBoardPage() {
  return (
    <Page themeId="home">
      <Header
        title={HELP_WANTED_BOARD_TITLE}
        subtitle="Projects across the company that welcome contributions"
      />
      <Content>
        <HelpWantedBoard />
      </Content>
    </Page>
  );
}
