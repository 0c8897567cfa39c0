import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// InnerSource for Backstage
backend.add(
  import('@innersource/backstage-plugin-catalog-backend-module-innersource'),
);
backend.add(import('@innersource/backstage-plugin-innersource-backend'));
// A custom scorecard check of this demo, added through the innersource-node extension point.
backend.add(import('./modules/innersourceOnCallCheck'));
// DEMO FIXTURE, not part of the product: a local GitHub stand-in on :7008 (and a rate-limited
// one on :7009) that app-config.yaml's integrations.github points at. Runs only when
// innersource.demo.githubFixture is configured.
backend.add(import('./modules/demoGithubFixture'));
// Code-host facts from GitHub and GitHub Enterprise, through integrations.github.
backend.add(
  import('@innersource/backstage-plugin-innersource-backend-module-github'),
);
// DEMO FIXTURE, not part of the product: a local GitLab stand-in on :7010 that app-config.yaml's
// integrations.gitlab points at. Runs only when innersource.demo.gitlabFixture is configured.
backend.add(import('./modules/demoGitlabFixture'));
// Code-host facts from GitLab and GitLab self-managed, through integrations.gitlab.
backend.add(
  import('@innersource/backstage-plugin-innersource-backend-module-gitlab'),
);
backend.add(
  import('@innersource/backstage-plugin-search-backend-module-innersource'),
);

backend.start();
