import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { demoSeed, startGitlabFixture } from '@internal/gitlab-fixture';

/**
 * DEMO FIXTURE, not part of the product: starts the local GitLab stand-in
 * (`packages/gitlab-fixture`) that the demo's `integrations.gitlab` points
 * at, so that the demo shows GitLab projects' code-host facts without the
 * internet. It runs only when `innersource.demo.gitlabFixture.port` is set
 * (7010), which only the demo's app-config.yaml does.
 *
 * The GitLab module reads it through its production code; only the host
 * differs from gitlab.com.
 */
export default createBackendModule({
  pluginId: 'innersource',
  moduleId: 'demo-gitlab-fixture',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, logger, lifecycle }) {
        const settings = config.getOptionalConfig(
          'innersource.demo.gitlabFixture',
        );
        if (!settings) {
          return;
        }
        const fixture = await startGitlabFixture({
          port: settings.getNumber('port'),
          seed: demoSeed,
        });
        logger.info(
          `Demo GitLab fixture (not GitLab) serving ${demoSeed.projects.length} demo projects on ${fixture.url}`,
        );
        lifecycle.addShutdownHook(() => fixture.close());
      },
    });
  },
});
