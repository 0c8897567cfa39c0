import { HumanDuration } from '@backstage/types';

export interface Config {
  innersource?: {
    /** The README badges under `/api/innersource/badges`, which need no token. */
    badges?: {
      /**
       * Serve badges only under opaque ids (`/badges/id/:uuid/:badge`), which a
       * signed-in user who may read the entity obtains from the entity page; the
       * name-based route then answers "not found" for everything.
       *
       * Default: false.
       */
      obfuscate?: boolean;
      /**
       * `Cache-Control: max-age` of badges, in whole seconds (0 or more).
       * "Not found" answers are cached for at most 60 seconds.
       *
       * Default: 300.
       */
      cacheMaxAge?: number;
    };
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
    /**
     * Code-host facts: how the backend reads repositories through the
     * installed code-host modules (e.g.
     * `@innersource/backstage-plugin-innersource-backend-module-github`). Without
     * such a module nothing here is used. Validated at start-up: the plugin
     * does not start on an unknown key or a bad value, and the error names it.
     */
    codeHost?: {
      /**
       * The code-host cycle. It runs once per cycle across all backend
       * replicas, and the entities whose facts it read are scored again at once.
       */
      schedule?: {
        /**
         * How often: a duration (`{ minutes: 15 }`, `'15m'`, `'PT15M'`) or a
         * cron expression (`{ cron: '*\/15 * * * *' }`).
         *
         * Default: every 15 minutes.
         */
        frequency?: HumanDuration | string | { cron: string };
        /**
         * How long one cycle may take before it is aborted; what it read until
         * then is kept.
         *
         * Default: 10 minutes.
         */
        timeout?: HumanDuration | string;
        /**
         * How long after start-up the first cycle waits.
         *
         * Default: 5 seconds, so that a new installation shows facts within its
         * first minute.
         */
        initialDelay?: HumanDuration | string;
      };
      /**
       * Units of the code host's rate budget one cycle may spend, shared by
       * every provider (GitHub: GraphQL points). Repositories not reached are
       * read first in the next cycle.
       *
       * Default: 2000.
       */
      budget?: number;
      /**
       * Facts older than this no longer count: the code-host checks say
       * `not-reported`, with the age. A duration (`{ days: 7 }`, `'7d'`, `'P7D'`).
       *
       * Default: 7 days.
       */
      maxAge?: HumanDuration | string;
      /** Recomputing a scorecard (POST …/refresh) re-reads its repository first. */
      refreshOnRecompute?: {
        /**
         * At most once per this long per repository; otherwise the stored
         * facts are used. A duration (`{ minutes: 1 }`, `'1m'`, `'PT1M'`).
         *
         * Default: 1 minute.
         */
        minInterval?: HumanDuration | string;
        /**
         * The budget of one such read.
         *
         * Default: 50.
         */
        budget?: number;
      };
    };
    /**
     * What the backend scores, when, and how long it keeps history. The checks,
     * levels and thresholds under the same key are declared by
     * `@innersource/backstage-plugin-innersource-common`. The whole of
     * `innersource.scorecards` is validated at start-up: the plugin does not
     * start on a bad value, and the error names the key.
     */
    scorecards?: {
      /**
       * Which catalog entities are scored: a catalog filter, one mapping or a
       * list of mappings (any of them), e.g.
       * `[{ kind: component, spec.type: service }, { kind: system }]`.
       *
       * Default: `[{ kind: component }, { kind: system }]`.
       */
      entities?:
        | { [field: string]: string | string[] }
        | Array<{ [field: string]: string | string[] }>;
      /**
       * The scheduled scoring of every selected entity. It runs once per cycle
       * across all backend replicas.
       */
      schedule?: {
        /**
         * How often: a duration (`{ hours: 1 }`, `'1h'`, `'PT1H'`) or a cron
         * expression (`{ cron: '0 * * * *' }`).
         *
         * Default: every hour.
         */
        frequency?: HumanDuration | string | { cron: string };
        /**
         * How long one cycle may take before it is aborted.
         *
         * Default: 30 minutes.
         */
        timeout?: HumanDuration | string;
        /**
         * How long after start-up the first cycle waits.
         *
         * Default: none.
         */
        initialDelay?: HumanDuration | string;
      };
      /** The score history: one point per entity and UTC day. */
      history?: {
        /**
         * Days of history kept; older points are removed on each cycle.
         *
         * Default: 90.
         */
        retentionDays?: number;
      };
    };
  };
}
