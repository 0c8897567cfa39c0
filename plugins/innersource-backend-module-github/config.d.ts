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
       * Repositories asked about in one change-detection query. Default 50,
       * at most 100; 50 repositories cost one GraphQL point.
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
