export interface Config {
  innersource?: {
    /** Settings of this demo backend only; never set them in a real installation. */
    demo?: {
      /**
       * Starts the DEMO GITHUB FIXTURE (`packages/github-fixture`), a local
       * GitHub-compatible server that `integrations.github` points at, so the
       * demo shows code-host facts without internet.
       */
      githubFixture?: {
        /** Port of the fixture host with the demo's repositories, e.g. 7008. */
        port: number;
        /** Port of a second fixture host whose rate limit is spent, e.g. 7009. */
        rateLimitedPort?: number;
      };
      /**
       * Starts the DEMO GITLAB FIXTURE (`packages/gitlab-fixture`), a local
       * GitLab-compatible server (REST API v4) that `integrations.gitlab`
       * points at, so the demo shows GitLab projects without internet.
       */
      gitlabFixture?: {
        /** Port of the fixture host with the demo's GitLab projects, e.g. 7010. */
        port: number;
      };
    };
  };
}
