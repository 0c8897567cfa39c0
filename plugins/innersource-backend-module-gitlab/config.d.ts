export interface Config {
  innersource?: {
    /**
     * How the GitLab module reads code-host facts. Hosts and tokens come only
     * from `integrations.gitlab` (gitlab.com, and self-managed GitLab through
     * `apiBaseUrl`); these settings only tune the load.
     */
    gitlab?: {
      /** Requests in flight at once per GitLab host. Default 2, at most 10. */
      concurrencyPerHost?: number;
      /** Merge requests per page of the window's listing. Default 100, at most 100. */
      mergeRequestPageSize?: number;
      /**
       * Most merge requests read per project and window, each with one
       * request for its notes (the first response); beyond it the facts are
       * marked truncated and the counts are lower bounds. Default 100.
       */
      maxMergeRequestsPerProject?: number;
      /** Notes read per merge request, oldest first, for its first response. Default 50, at most 100. */
      notesPageSize?: number;
      /**
       * Pages of 20 open issues read per label when an entity asks for
       * several labels (for their union). Default 5; beyond it the count is
       * the truthful lower bound.
       */
      maxIssuePagesPerLabel?: number;
      /**
       * Hours after which an unchanged project is read in full anyway:
       * relabelling an issue does not move `last_activity_at`. Default 24.
       */
      fullReadEveryHours?: number;
      /** Seconds to wait for one answer before giving up on it. Default 20. */
      requestTimeoutSeconds?: number;
    };
  };
}
