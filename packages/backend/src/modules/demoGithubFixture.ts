import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  demoRateLimitedSeed,
  demoSeed,
  GithubFixture,
  startGithubFixture,
} from '@internal/github-fixture';

/**
 * DEMO FIXTURE, not part of the product: starts the local GitHub stand-in
 * (`packages/github-fixture`) that the demo's `integrations.github` points
 * at, so that the demo shows code-host facts without the internet. It runs
 * only when `innersource.demo.githubFixture.port` is set, which only the
 * demo's app-config.yaml does:
 *
 * - `port` (7008): the demo's repositories (`acme/*`);
 * - `rateLimitedPort` (optional, 7009): a second host whose token has spent
 *   its budget and stays so, answering 403 with a reset an hour ahead.
 *
 * The GitHub module reads both through its production code; only the host
 * differs from github.com.
 */
export default createBackendModule({
  pluginId: 'innersource',
  moduleId: 'demo-github-fixture',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, logger, lifecycle }) {
        const settings = config.getOptionalConfig(
          'innersource.demo.githubFixture',
        );
        if (!settings) {
          return;
        }
        const fixtures: GithubFixture[] = [];
        const main = await startGithubFixture({
          port: settings.getNumber('port'),
          seed: demoSeed,
        });
        fixtures.push(main);
        logger.info(
          `Demo GitHub fixture (not GitHub) serving ${demoSeed.repositories.length} demo repositories on ${main.url}`,
        );
        const rateLimitedPort = settings.getOptionalNumber('rateLimitedPort');
        if (rateLimitedPort !== undefined) {
          const limited = await startGithubFixture({
            port: rateLimitedPort,
            seed: demoRateLimitedSeed,
          });
          limited.setRateLimited({ resetInSeconds: 3600, staysLimited: true });
          fixtures.push(limited);
          logger.info(
            `Demo GitHub fixture (not GitHub) with a spent rate limit on ${limited.url}`,
          );
        }
        lifecycle.addShutdownHook(async () => {
          await Promise.all(fixtures.map(fixture => fixture.close()));
        });
      },
    });
  },
});
