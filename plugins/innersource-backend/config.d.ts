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
      /**
       * Rate limits of "I want to help", enforced in the database across all
       * backend replicas.
       */
      interest?: {
        /**
         * Offers of one user for one entity. Default: at most 1 per 24 hours.
         */
        perUserAndEntity?: {
          max?: number;
          /** A duration (`{ hours: 24 }`, `'24h'`, `'PT24H'`). */
          window?: HumanDuration | string;
        };
        /**
         * Offers of one user for any entities. Default: at most 10 per hour.
         */
        perUser?: {
          max?: number;
          /** A duration (`{ hours: 1 }`, `'1h'`, `'PT1H'`). */
          window?: HumanDuration | string;
        };
      };
    };
  };
}
