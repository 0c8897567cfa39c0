import { ConfigReader } from '@backstage/config';
import {
  GitLabIntegrationConfig,
  ScmIntegrations,
} from '@backstage/integration';
import {
  CodeHostRequestFailure,
  HostRequestGate,
} from '@innersource/backstage-plugin-innersource-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GitlabHostClient } from './GitlabHostClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const API = 'https://gitlab.test/api/v4';

function client(retry?: GitLabIntegrationConfig['retry']) {
  const integration = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        gitlab: [
          {
            host: 'gitlab.test',
            apiBaseUrl: API,
            token: 'secret',
            ...(retry ? { retry } : {}),
          },
        ],
      },
    }),
  ).gitlab.byHost('gitlab.test')!;
  return new GitlabHostClient({
    integration,
    gate: new HostRequestGate('gitlab.test', { concurrency: 2 }),
    requestTimeoutMs: 2_000,
    retryDelayMs: 1,
  });
}

/** Answers `statuses` in turn for the project, then 200; counts the requests. */
function answering(...statuses: number[]) {
  const sent = { count: 0 };
  server.resetHandlers(
    http.get(`${API}/projects/acme%2Fa`, () => {
      const status = statuses[sent.count++];
      return status
        ? HttpResponse.json({ message: `${status}` }, { status })
        : HttpResponse.json({ id: 1, path_with_namespace: 'acme/a' });
    }),
  );
  return sent;
}

const take = () => true;

describe('GitlabHostClient', () => {
  it('retries a 5xx once by default', async () => {
    const sent = answering(502);
    const answer = await client().get('/projects/acme%2Fa', {}, { take });
    expect(answer.status).toBe(200);
    expect(sent.count).toBe(2);
  });

  it("follows the integration's own retry settings: more retries, and only the statuses it names", async () => {
    const sent = answering(502, 502);
    const retrying = client({ maxRetries: 2, retryStatusCodes: [502] });
    expect(
      (await retrying.get('/projects/acme%2Fa', {}, { take })).status,
    ).toBe(200);
    expect(sent.count).toBe(3);

    const notNamed = answering(503);
    await expect(
      retrying.get('/projects/acme%2Fa', {}, { take }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(notNamed.count).toBe(1);
  });

  it('does not retry when the integration says maxRetries: 0', async () => {
    const sent = answering(500);
    await expect(
      client({ maxRetries: 0 }).get('/projects/acme%2Fa', {}, { take }),
    ).rejects.toBeInstanceOf(CodeHostRequestFailure);
    expect(sent.count).toBe(1);
  });

  it('never retries a 429, even when the integration lists it: the host waits for Retry-After', async () => {
    const sent = { count: 0 };
    server.resetHandlers(
      http.get(`${API}/projects/acme%2Fa`, () => {
        sent.count++;
        return HttpResponse.json(
          { message: 'Retry later' },
          { status: 429, headers: { 'retry-after': '60' } },
        );
      }),
    );
    const limited = client({ maxRetries: 3, retryStatusCodes: [429, 502] });
    await expect(
      limited.get('/projects/acme%2Fa', {}, { take }),
    ).rejects.toMatchObject({ kind: 'rate-limited' });
    await expect(
      limited.get('/projects/acme%2Fa', {}, { take }),
    ).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(sent.count).toBe(1);
  });

  it("spaces requests by the integration's maxApiRequestsPerMinute", async () => {
    answering();
    const spaced = client({ maxApiRequestsPerMinute: 600 });
    const started = Date.now();
    await spaced.get('/projects/acme%2Fa', {}, { take });
    await spaced.get('/projects/acme%2Fa', {}, { take });
    await spaced.get('/projects/acme%2Fa', {}, { take });
    // 600 a minute is one every 100 ms: the third waits for two slots.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
