import { mockServices } from '@backstage/backend-test-utils';
import { codeHostRepositoryKey } from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostBudget,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '../codeHost';
import { HostRequestGate } from './HostRequestGate';
import { PerHostReader, groupRequestsByHost } from './PerHostReader';
import { CodeHostRequestFailure } from './readFailures';

type Integration = { host: string };
type Client = { host: string; gate: HostRequestGate };

function request(host: string, slug: string): CodeHostReadRequest {
  const repository = {
    provider: 'example',
    host,
    slug,
    url: `https://${host}/${slug}`,
  };
  return {
    key: codeHostRepositoryKey(repository),
    repository,
    issueLabels: [],
    windowDays: 90,
  };
}

function budget(points = 100): CodeHostBudget {
  let left = points;
  return {
    take(cost = 1) {
      if (cost > left) {
        return false;
      }
      left -= cost;
      return true;
    },
    remaining: () => left,
  };
}

function reader(hosts = ['git.acme.com', 'git.other.com']) {
  const createClient = jest.fn(
    (integration: Integration, gate: HostRequestGate): Client => ({
      host: integration.host,
      gate,
    }),
  );
  const perHost = new PerHostReader<Integration, Client>({
    hostName: 'ExampleHost',
    integrationsKey: 'example',
    concurrencyPerHost: 2,
    wording: {
      notFound: slug => `ExampleHost has no repository ${slug}`,
      refusedAdvice: host => `check the token for ${host}`,
    },
    integrationFor: host => (hosts.includes(host) ? { host } : undefined),
    createClient,
  });
  return { perHost, createClient };
}

async function readCycle(
  perHost: ReturnType<typeof reader>['perHost'],
  requests: CodeHostReadRequest[],
  readHost: Parameters<typeof perHost.read>[2],
  logger = mockServices.logger.mock(),
) {
  const results = new Map<string, CodeHostReadResult>();
  await perHost.read(
    requests,
    {
      budget: budget(),
      logger,
      onResult: async (key, result) => {
        results.set(key, result);
      },
    },
    readHost,
  );
  return results;
}

describe('groupRequestsByHost', () => {
  it('groups by host in lower case, keeping the order within each host', () => {
    const a = request('Git.Acme.com', 'team/a');
    const b = request('git.other.com', 'team/b');
    const c = request('git.acme.com', 'team/c');
    expect([...groupRequestsByHost([a, b, c])]).toEqual([
      ['git.acme.com', [a, c]],
      ['git.other.com', [b]],
    ]);
  });
});

describe('PerHostReader', () => {
  it('reads each configured host with its own client, made once across cycles', async () => {
    const { perHost, createClient } = reader();
    const seen: Array<[string, string[]]> = [];
    const readHost = async (
      cycle: { host: string; client: Client },
      requests: CodeHostReadRequest[],
    ) => {
      seen.push([cycle.client.host, requests.map(r => r.repository.slug)]);
    };
    const requests = [
      request('git.acme.com', 'team/a'),
      request('git.other.com', 'team/b'),
      request('git.acme.com', 'team/c'),
    ];
    await readCycle(perHost, requests, readHost);
    await readCycle(perHost, requests, readHost);
    expect(seen).toEqual([
      ['git.acme.com', ['team/a', 'team/c']],
      ['git.other.com', ['team/b']],
      ['git.acme.com', ['team/a', 'team/c']],
      ['git.other.com', ['team/b']],
    ]);
    expect(createClient).toHaveBeenCalledTimes(2);
  });

  it('reports every repository of a host missing from integrations, with the fix', async () => {
    const { perHost } = reader();
    const readHost = jest.fn();
    const results = await readCycle(
      perHost,
      [request('git.unknown.com', 'team/a')],
      readHost,
    );
    expect(readHost).not.toHaveBeenCalled();
    expect([...results.values()]).toEqual([
      {
        outcome: 'failed',
        reason:
          'host "git.unknown.com" is not configured under integrations.example; add it to read team/a',
      },
    ]);
  });

  it('sends nothing to a rate-limited host until its reset: the next cycle reports each repository with retryAt and warns once', async () => {
    const { perHost } = reader();
    const until = new Date(Date.now() + 60_000);
    await readCycle(
      perHost,
      [request('git.acme.com', 'team/a')],
      async (cycle, requests) => {
        await cycle.report(
          requests[0],
          cycle.failed(
            requests[0],
            new CodeHostRequestFailure('rate-limited', 'slow down', 429, until),
          )!,
        );
      },
    );

    const logger = mockServices.logger.mock();
    const readHost = jest.fn();
    const results = await readCycle(
      perHost,
      [request('git.acme.com', 'team/a'), request('git.acme.com', 'team/b')],
      readHost,
      logger,
    );
    expect(readHost).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `ExampleHost host git.acme.com is rate limited; nothing is sent to it until ${until.toISOString()}`,
    );
    expect([...results.values()]).toEqual([
      {
        outcome: 'failed',
        reason: expect.stringMatching(
          /^git\.acme\.com is rate limited until \d\d:\d\d UTC; team\/a was not read$/,
        ),
        retryAt: until,
      },
      {
        outcome: 'failed',
        reason: expect.stringMatching(/; team\/b was not read$/),
        retryAt: until,
      },
    ]);
    expect(perHost.gateFor('GIT.ACME.COM').blockedUntil()).toEqual(until);
    expect(perHost.gateFor('git.other.com').blockedUntil()).toBeUndefined();
  });
});
