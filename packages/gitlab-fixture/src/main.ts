import { demoSeed } from './demoSeed';
import { startGitlabFixture } from './server';

// `yarn workspace @internal/gitlab-fixture start`: the demo's GitLab fixture on its own,
// without the backend (e.g. to try the API with curl).
async function main() {
  const port = Number(process.env.PORT ?? 7010);
  const fixture = await startGitlabFixture({ port, seed: demoSeed });
  process.stdout.write(
    `Demo GitLab fixture on ${fixture.url} (REST ${fixture.apiBaseUrl})\n`,
  );
  const stop = () => {
    fixture.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
