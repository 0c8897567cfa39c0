export interface Config {
  innersource?: {
    /**
     * How the GitHub module reads code-host facts. Credentials and hosts come
     * only from `integrations.github` (tokens, GitHub Apps, `apiBaseUrl` for
     * GitHub Enterprise Server); these settings only tune the load.
     */
    github?: {
      /** Requests in flight at once per GitHub host. Default 2. */
      concurrencyPerHost?: number;
      /**
       * Repositories whose last push is asked for in one query. Default 250,
       * at most 500; such a query costs one GraphQL point however many it
       * names, but GitHub ends any query that takes more than 10 seconds.
       */
      pushCheckBatchSize?: number;
      /**
       * Pages of 100 results the activity search of one owner may take
       * before that owner's repositories are checked one by one instead.
       * Default 10, at most 10 (GitHub serves 1,000 results of a search).
       */
      activitySearchMaxPages?: number;
      /**
       * Repositories per query of the one-by-one activity check (owners with
       * too much activity to search, repositories read long before the rest).
       * Default 50, at most 100; 50 repositories cost one GraphQL point.
       */
      changeDetectionBatchSize?: number;
      /** Pull requests per GraphQL page. Default 50, at most 100. */
      pullRequestPageSize?: number;
      /**
       * Most pull requests read per repository and window; beyond it the
       * facts are marked truncated and the counts are lower bounds. Default 200.
       */
      maxPullRequestsPerRepository?: number;
      /** Seconds to wait for one answer before giving up on it. Default 20. */
      requestTimeoutSeconds?: number;
    };
  };
}
