import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { HelpWantedCollatorFactory } from './collator/HelpWantedCollatorFactory';

/** Asks change rarely; ten minutes keeps search close to the board. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};

/**
 * Puts the current help-wanted asks into Backstage search, one document of type
 * `innersource-help-wanted` per ask.
 *
 * @public
 */
export const searchModuleInnerSource = createBackendModule({
  pluginId: 'search',
  moduleId: 'innersource',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, logger, auth, scheduler, catalog, indexRegistry }) {
        const scheduleConfig = config.getOptionalConfig(
          'innersource.search.schedule',
        );
        const schedule = scheduleConfig
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
          : DEFAULT_SCHEDULE;

        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new HelpWantedCollatorFactory({ catalog, auth, logger }),
        });
      },
    });
  },
});
