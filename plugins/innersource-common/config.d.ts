export interface Config {
  innersource?: {
    /**
     * The scorecard: which checks count and how much, the levels and the
     * thresholds of the default checks. Read and validated at start-up by
     * `resolveScorecardOptions`; every key is optional.
     */
    scorecards?: {
      /**
       * Settings by check id (see the checks table in the README of
       * `@innersource/backstage-plugin-innersource-common`). Checks not named
       * keep their defaults.
       */
      checks?: {
        [checkId: string]: {
          /** Default true. A disabled check is neither evaluated nor shown. */
          enabled?: boolean;
          /** The check's share in the score; a positive number. */
          weight?: number;
          /** Moves the check to another level; the id of a level. */
          level?: string;
          /** An http(s) link to your own guidance for this check. */
          docsUrl?: string;
        };
      };
      /**
       * Replaces the default levels (bronze, silver, gold). Every enabled check
       * must belong to one of them.
       */
      levels?: Array<{
        /** e.g. `bronze`: letters, digits, `-` and `_`. */
        id: string;
        /** e.g. `Bronze`. */
        title: string;
        description?: string;
        /** Higher is better; default: the position in the list, from 1. */
        rank?: number;
      }>;
      thresholds?: {
        /** Characters `metadata.description` needs. Default 30. */
        descriptionMinLength?: number;
        /** The latest commit is at most this many days old. Default 90. */
        activityDays?: number;
        /** Days over which outside contributions are counted. Default 180. */
        outsideContributionDays?: number;
        /** The promised time to first response, in hours, where `innersource/response-time` is not given. Default 72. */
        defaultResponseTimeHours?: number;
      };
    };
  };
}
