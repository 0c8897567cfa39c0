import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  innersource?: {
    search?: {
      /**
       * How often the help-wanted asks are collated into search. Defaults to
       * every 10 minutes, starting 10 seconds after the backend starts.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
