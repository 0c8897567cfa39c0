import { HumanDuration } from '@backstage/types';

export interface Config {
  innersource?: {
    board?: {
      /**
       * The refresh of the help-wanted board from the catalog. It runs once per
       * cycle across all backend replicas.
       */
      refresh?: {
        /**
         * How often the board is refreshed: a duration (`{ minutes: 5 }`, `'5m'`,
         * `'PT5M'`) or a cron expression (`{ cron: '*\/5 * * * *' }`).
         *
         * Default: every 5 minutes.
         */
        frequency?: HumanDuration | string | { cron: string };
        /**
         * How long one refresh may take before it is aborted.
         *
         * Default: 10 minutes.
         */
        timeout?: HumanDuration | string;
        /**
         * How long after start-up the first refresh waits.
         *
         * Default: none.
         */
        initialDelay?: HumanDuration | string;
      };
    };
  };
}
