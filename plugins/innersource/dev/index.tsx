import { createDevApp } from '@backstage/frontend-dev-utils';
import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import plugin, {
  boardQueryToSearchParams,
  InnerSourceApi,
  innerSourceApiRef,
  scorecardQueryToSearchParams,
} from '../src';
import { completeEntity } from '../src/__testUtils__/entities';
import { answerBoard } from '../src/__testUtils__/answerBoard';
import { boardItems } from '../src/__testUtils__/boardItems';
import { answerOverview } from '../src/__testUtils__/answerScorecards';
import {
  checksResponse,
  contributionSummaries,
  goldCandidateScorecard,
  paymentsHistory,
} from '../src/__testUtils__/scorecards';

// Answers the board from the test fixtures, so the page works without a backend.
const standInApi: InnerSourceApi = {
  async getBoard(query) {
    return answerBoard(boardItems, boardQueryToSearchParams(query));
  },
  async getBoardExportUrl(query, format) {
    const params = boardQueryToSearchParams(query);
    params.set('format', format);
    return `/api/innersource/board?${params}`;
  },
  async getBoardExport(query, format) {
    const { items } = answerBoard(boardItems, boardQueryToSearchParams(query));
    if (format === 'json') {
      return new Blob([JSON.stringify(items, null, 2)], {
        type: 'application/json',
      });
    }
    const rows = items.map(item => `${item.entityRef},${item.title ?? ''}`);
    return new Blob([['entityRef,title', ...rows].join('\n')], {
      type: 'text/csv',
    });
  },
  async offerHelp(entityRef) {
    const item = boardItems.find(i => i.entityRef === entityRef);
    return { notified: item?.owner ?? 'group:default/unknown' };
  },
  async getScorecardChecks() {
    return checksResponse;
  },
  async getScorecardOverview(query) {
    return answerOverview(
      contributionSummaries,
      scorecardQueryToSearchParams(query),
    );
  },
  async getEntityScorecard(entityRef) {
    return entityRef === goldCandidateScorecard.entityRef
      ? goldCandidateScorecard
      : undefined;
  },
  async getScorecardHistory(entityRef) {
    return entityRef === paymentsHistory.entityRef
      ? paymentsHistory
      : { entityRef, points: [] };
  },
  async refreshScorecard() {
    return {
      ...goldCandidateScorecard,
      computedAt: new Date().toISOString(),
    };
  },
  async getBadgeLinks() {
    // Badge URLs are served by the backend; the dialog shows this as its error state.
    throw new Error('README badges need the InnerSource backend');
  },
};

// `yarn start` in this package: the board at /innersource, and the tab and the card
// on a stand-in entity page for an entity with every annotation, without a backend.
createDevApp({
  features: [
    plugin,
    createFrontendModule({
      pluginId: 'innersource',
      extensions: [
        createTestEntityPage({ entity: completeEntity }),
        ApiBlueprint.make({
          params: defineParams =>
            defineParams({
              api: innerSourceApiRef,
              deps: {},
              factory: () => standInApi,
            }),
        }),
      ],
    }),
  ],
});
