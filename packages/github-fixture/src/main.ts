import { demoRateLimitedSeed, demoSeed } from './demoSeed';
import { startGithubFixture } from './server';

// `yarn workspace @internal/github-fixture start`: the demo's fixture hosts on their own,
// without the backend (e.g. to try queries with curl).
async function main() {
  const port = Number(process.env.PORT ?? 7008);
  const fixture = await startGithubFixture({ port, seed: demoSeed });
  const limited = await startGithubFixture({
    port: port + 1,
    seed: demoRateLimitedSeed,
  });
  limited.setRateLimited({ resetInSeconds: 3600, staysLimited: true });
  process.stdout.write(
    `Demo GitHub fixture on ${fixture.url} (GraphQL ${fixture.url}/api/graphql, REST ${fixture.apiBaseUrl}); rate-limited host on ${limited.url}\n`,
  );
  const stop = () => {
    Promise.all([fixture.close(), limited.close()]).finally(() =>
      process.exit(0),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
