import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readBoardRefreshSchedule, readInterestLimits } from './config';
import { DatabaseBoardStore } from './database/DatabaseBoardStore';
import { DatabaseInterestStore } from './database/DatabaseInterestStore';
import { HelpOffers } from './service/HelpOffers';
import { HelpWantedBoard } from './service/HelpWantedBoard';
import { createRouter } from './service/router';

/** The id of the scheduled refresh of the help-wanted board. */
export const BOARD_REFRESH_TASK_ID = 'innersource-board-refresh';

/**
 * The InnerSource backend plugin: the help-wanted board API under
 * `/api/innersource`, refreshed from the catalog on a schedule.
 *
 * @public
 */
export const innersourcePlugin = createBackendPlugin({
  pluginId: 'innersource',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        auth,
        httpAuth,
        httpRouter,
        catalog,
        notifications,
      }) {
        const store = await DatabaseBoardStore.create({ database });
        const board = new HelpWantedBoard({ store, catalog, auth, logger });

        await scheduler.scheduleTask({
          id: BOARD_REFRESH_TASK_ID,
          ...readBoardRefreshSchedule(config),
          // One run per cycle across all replicas; the others see the result
          // through the database.
          scope: 'global',
          fn: async signal => {
            await board.refreshAll(signal);
          },
        });

        const helpOffers = new HelpOffers({
          catalog,
          notifications,
          store: await DatabaseInterestStore.create({ database }),
          limits: readInterestLimits(config),
          logger,
        });

        httpRouter.use(await createRouter({ httpAuth, board, helpOffers }));
      },
    });
  },
});
