import { Header, Page, TabbedLayout } from '@backstage/core-components';
import {
  HELP_WANTED_BOARD_TITLE,
  INNERSOURCE_PAGE_TITLE,
  SCORECARDS_TAB_PATH,
} from '../../routes';
import { HelpWantedBoard } from '../HelpWantedBoardPage';
import { ScorecardOverview } from '../ScorecardOverviewPage';

/**
 * The two tabs of `/innersource`: the help-wanted board at the page's root (so
 * `/innersource?skill=react` keeps working) and the scorecard overview at
 * `/innersource/scorecards`. Each tab keeps its own state in the search params.
 */
export function InnerSourceTabs() {
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={HELP_WANTED_BOARD_TITLE}>
        <HelpWantedBoard />
      </TabbedLayout.Route>
      <TabbedLayout.Route path={`/${SCORECARDS_TAB_PATH}`} title="Scorecards">
        <ScorecardOverview />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}

/**
 * The InnerSource page with its own header, for the legacy frontend system; the
 * new frontend system renders `InnerSourceTabs` under the app's page header.
 */
export function InnerSourcePage() {
  return (
    <Page themeId="home">
      <Header
        title={INNERSOURCE_PAGE_TITLE}
        subtitle="Projects that welcome contributions, and how ready they are"
      />
      <InnerSourceTabs />
    </Page>
  );
}
