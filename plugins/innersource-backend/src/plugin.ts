import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  innersourcePermissions,
  ScorecardCheckDefinition,
} from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostFactsProvider,
  innersourceCodeHostExtensionPoint,
  innersourceScorecardChecksExtensionPoint,
} from '@innersource/backstage-plugin-innersource-node';
import { readBadgeConfig } from './badges/badgeConfig';
import { DatabaseBadgeIdStore } from './badges/DatabaseBadgeIdStore';
import { EntityBadges } from './badges/EntityBadges';
import { readBoardRefreshSchedule } from './board/config';
import { DatabaseBoardStore } from './board/DatabaseBoardStore';
import { HelpWantedBoard } from './board/HelpWantedBoard';
import { CodeHostProviders } from './codehost/CodeHostProviders';
import { CodeHostRefresher } from './codehost/CodeHostRefresher';
import { CodeHostScoringFacts } from './codehost/CodeHostScoringFacts';
import { readCodeHostSettings } from './codehost/config';
import { DatabaseCodeHostFactsStore } from './codehost/DatabaseCodeHostFactsStore';
import { readInterestLimits } from './helpOffers/config';
import { DatabaseInterestStore } from './helpOffers/DatabaseInterestStore';
import { HelpOffers } from './helpOffers/HelpOffers';
import { createRouter } from './router';
import { readScorecardSettings } from './scorecards/config';
import { DatabaseScorecardStore } from './scorecards/DatabaseScorecardStore';
import { ScorecardIndex } from './scorecards/ScorecardIndex';
import { Scorecards } from './scorecards/Scorecards';

/** The id of the scheduled refresh of the help-wanted board. */
export const BOARD_REFRESH_TASK_ID = 'innersource-board-refresh';

/** The id of the scheduled scoring of the scorecards. */
export const SCORECARD_REFRESH_TASK_ID = 'innersource-scorecards-refresh';

/** The id of the scheduled read of code-host facts. */
export const CODE_HOST_REFRESH_TASK_ID = 'innersource-code-host-refresh';

/**
 * The InnerSource backend plugin: the help-wanted board API under
 * `/api/innersource`, refreshed from the catalog on a schedule.
 *
 * @public
 */
export const innersourcePlugin = createBackendPlugin({
  pluginId: 'innersource',
  register(env) {
    // Checks and entity fields added by modules, read once the plugin starts.
    const scorecardExtensions = {
      checks: [] as ScorecardCheckDefinition[],
      entityFields: [] as string[],
      started: false,
    };
    const notAfterStart = () => {
      if (scorecardExtensions.started) {
        throw new Error(
          'Scorecard checks must be added while the backend starts, in the init of a module',
        );
      }
    };
    // Code-host fact providers added by modules, read once the plugin starts.
    const codeHostProviders: CodeHostFactsProvider[] = [];
    env.registerExtensionPoint(innersourceCodeHostExtensionPoint, {
      addProvider(provider) {
        if (scorecardExtensions.started) {
          throw new Error(
            'Code-host providers must be added while the backend starts, in the init of a module',
          );
        }
        codeHostProviders.push(provider);
      },
    });
    env.registerExtensionPoint(innersourceScorecardChecksExtensionPoint, {
      addChecks(...checks) {
        notAfterStart();
        scorecardExtensions.checks.push(...checks);
      },
      addEntityFields(...fields) {
        notAfterStart();
        scorecardExtensions.entityFields.push(...fields);
      },
    });

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
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
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
        discovery,
        permissions,
        permissionsRegistry,
      }) {
        // Checked first: a bad innersource.scorecards stops the start-up with
        // a message naming the key.
        scorecardExtensions.started = true;
        const scorecardSettings = readScorecardSettings(
          config,
          scorecardExtensions,
        );
        const codeHostSettings = readCodeHostSettings(config);
        // Refuses two providers with one id before anything is stored.
        const providers = CodeHostProviders.of(codeHostProviders);
        permissionsRegistry.addPermissions(innersourcePermissions);

        // The scorecards are the one snapshot of code-host facts: the board's
        // live issues, the badges and the scorecard pages all read them here.
        const scorecardStore = await DatabaseScorecardStore.create({
          database,
        });
        const scorecardIndex = new ScorecardIndex({
          store: scorecardStore,
          logger,
        });

        const store = await DatabaseBoardStore.create({ database });
        const board = new HelpWantedBoard({
          store,
          catalog,
          auth,
          logger,
          codeHostFacts: scorecardIndex,
        });

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

        const codeHostStore = await DatabaseCodeHostFactsStore.create({
          database,
        });
        const windowDays =
          scorecardSettings.options.thresholds.outsideContributionDays;
        const codeHostRefresher = new CodeHostRefresher({
          providers,
          store: codeHostStore,
          catalog,
          auth,
          logger,
          entities: scorecardSettings.entities,
          entityFields: scorecardSettings.entityFields,
          windowDays,
          budget: codeHostSettings.budget,
          maxAgeMs: codeHostSettings.maxAgeMs,
        });
        const scorecards = new Scorecards({
          store: scorecardStore,
          index: scorecardIndex,
          catalog,
          auth,
          permissions,
          logger,
          settings: scorecardSettings,
          ...(providers.isEmpty
            ? {}
            : {
                codeHost: {
                  facts: new CodeHostScoringFacts({
                    providers,
                    store: codeHostStore,
                    catalog,
                    maxAgeMs: codeHostSettings.maxAgeMs,
                    windowDays,
                  }),
                  refresher: codeHostRefresher,
                  recompute: codeHostSettings.refreshOnRecompute,
                },
              }),
        });
        if (providers.isEmpty) {
          logger.info(
            'No code-host module is installed: the code-host checks are not reported and hold levels back ' +
              'unless configured optional; add e.g. @innersource/backstage-plugin-innersource-backend-module-github',
          );
        } else {
          await scheduler.scheduleTask({
            id: CODE_HOST_REFRESH_TASK_ID,
            ...codeHostSettings.schedule,
            scope: 'global',
            fn: async signal => {
              const result = await codeHostRefresher.refreshAll(signal);
              // Scores follow the facts at once, not at the next scoring.
              await scorecards.refreshEntities(result.affectedEntityRefs);
            },
          });
        }
        await scheduler.scheduleTask({
          id: SCORECARD_REFRESH_TASK_ID,
          ...scorecardSettings.schedule,
          scope: 'global',
          fn: async signal => {
            await scorecards.refreshAll(signal);
          },
        });
        const badges = new EntityBadges({
          board,
          scorecards: scorecardIndex,
          ids: await DatabaseBadgeIdStore.create({ database }),
          catalog,
          auth,
          config: readBadgeConfig(config),
          externalBaseUrl: () => discovery.getExternalBaseUrl('innersource'),
          appBaseUrl: () => config.getString('app.baseUrl'),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            board,
            helpOffers,
            badges,
            scorecards,
          }),
        );
        // README images cannot send tokens; the badge routes check callers
        // themselves (the links route demands a user).
        httpRouter.addAuthPolicy({ path: '/badges', allow: 'unauthenticated' });
      },
    });
  },
});
