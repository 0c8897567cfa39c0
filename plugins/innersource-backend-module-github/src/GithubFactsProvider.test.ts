import { mockServices } from '@backstage/backend-test-utils';
import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { FakeGithub, FakePullRequest } from './__testUtils__/FakeGithub';
import { changeToken } from './queries/changeMarks';
import {
  daysAgo,
  githubProvider,
  pointBudget,
  readAll,
  readRequest,
} from './__testUtils__/readHelpers';

const server = setupServer();
let github: FakeGithub;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  github = new FakeGithub();
  server.resetHandlers(...github.handlers());
});
afterEach(() => {
  if (github.invalidQueries.length > 0) {
    throw new Error(
      `Sent queries GitHub's schema refuses:\n${github.invalidQueries.join(
        '\n',
      )}`,
    );
  }
});

function rateLimitReset(secondsFromNow: number) {
  return Math.floor(Date.now() / 1000) + secondsFromNow;
}

function pullRequests(
  count: number,
  firstDaysAgo: number,
  stepDays: number,
): FakePullRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    number: 1000 - i,
    createdAt: daysAgo(firstDaysAgo + i * stepDays),
    author: { login: `dev-${i}` },
  }));
}

describe('GithubFactsProvider.read', () => {
  it('reads README, CONTRIBUTING, CODEOWNERS, license, labelled issues, last commit and pull requests with first responses', async () => {
    github.addRepository({
      nameWithOwner: 'acme/payments',
      pushedAt: daysAgo(1),
      defaultBranch: { name: 'main', committedDate: daysAgo(1) },
      files: {
        root: ['README.md', 'LICENSE', 'src/', 'package.json'],
        github: ['CONTRIBUTING.md'],
        docs: ['CODEOWNERS'],
      },
      licenseSpdxId: 'Apache-2.0',
      issues: [
        ...Array.from({ length: 6 }, (_, i) => ({
          number: 10 + i,
          title: `Issue ${i}`,
          createdAt: daysAgo(20 - i),
          labels: ['good first issue', 'docs'],
        })),
        {
          number: 99,
          title: 'Not labelled for newcomers',
          createdAt: daysAgo(1),
          labels: ['bug'],
        },
      ],
      pullRequests: [
        {
          number: 7,
          createdAt: daysAgo(3),
          mergedAt: daysAgo(2),
          author: { login: 'jane' },
          comments: [
            { createdAt: daysAgo(2.9), author: { login: 'jane' } },
            { createdAt: daysAgo(2.8), author: { login: 'ci', bot: true } },
            { createdAt: daysAgo(2.5), author: { login: 'sam' } },
          ],
          reviews: [{ submittedAt: daysAgo(2.7), author: { login: 'lee' } }],
        },
        {
          number: 6,
          createdAt: daysAgo(5),
          author: { login: 'dependabot[bot]', bot: true },
          comments: [
            { createdAt: daysAgo(4), author: { login: 'renovate[bot]' } },
          ],
        },
        { number: 5, createdAt: daysAgo(6), author: null },
        { number: 1, createdAt: daysAgo(200), author: { login: 'old' } },
      ],
    });

    const request = readRequest('acme/payments');
    const results = await readAll(githubProvider(), [request]);

    expect(results.get(request.key)).toEqual({
      outcome: 'read',
      changeToken: expect.any(String),
      facts: {
        repository: request.repository,
        archived: false,
        defaultBranch: 'main',
        lastCommitAt: expect.any(String),
        files: {
          readme: true,
          contributing: true,
          codeowners: true,
          license: true,
        },
        licenseSpdxId: 'Apache-2.0',
        issues: {
          labels: ['good first issue'],
          openCount: 6,
          newest: [15, 14, 13, 12, 11].map(number => ({
            title: `Issue ${number - 10}`,
            url: `https://github.com/acme/payments/issues/${number}`,
            labels: ['good first issue', 'docs'],
            createdAt: expect.any(String),
          })),
        },
        pullRequests: {
          windowDays: 90,
          truncated: false,
          items: [
            {
              id: '7',
              url: 'https://github.com/acme/payments/pull/7',
              author: { login: 'jane', isBot: false },
              createdAt: expect.any(String),
              mergedAt: expect.any(String),
              firstResponseAt: expect.any(String),
            },
            {
              id: '6',
              url: 'https://github.com/acme/payments/pull/6',
              author: { login: 'dependabot', isBot: true },
              createdAt: expect.any(String),
            },
            {
              id: '5',
              url: 'https://github.com/acme/payments/pull/5',
              author: null,
              createdAt: expect.any(String),
            },
          ],
        },
      },
    });
    // Lee's review (0.3 days in) came before Sam's comment; Jane's own comment and the bot's do not count.
    const [answered] = (results.get(request.key) as any).facts.pullRequests
      .items;
    const hoursToAnswer =
      (Date.parse(answered.firstResponseAt) - Date.parse(answered.createdAt)) /
      3_600_000;
    expect(hoursToAnswer).toBeCloseTo(0.3 * 24, 1);
    expect(github.requestsOf('RepositoryFacts')).toHaveLength(1);
  });

  it('says an empty repository has no files and no commit', async () => {
    github.addRepository({ nameWithOwner: 'acme/empty', defaultBranch: null });
    const request = readRequest('acme/empty', { issueLabels: [] });
    const results = await readAll(githubProvider(), [request]);
    expect(results.get(request.key)).toMatchObject({
      outcome: 'read',
      facts: {
        lastCommitAt: null,
        files: {
          readme: false,
          contributing: false,
          codeowners: false,
          license: false,
        },
        pullRequests: { items: [], truncated: false },
      },
    });
    // No labels asked for: the issues were not read, so they are not reported.
    expect((results.get(request.key) as any).facts.issues).toBeUndefined();
  });

  it('sends the token of integrations.github as Authorization', async () => {
    github.addRepository({ nameWithOwner: 'acme/payments' });
    await readAll(githubProvider(), [readRequest('acme/payments')]);
    expect(github.requests.map(r => r.authorization)).toEqual([
      'Bearer ghp_test',
    ]);
  });

  it('answers unchanged from one change-detection query when the change token still holds', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/a', pushedAt: daysAgo(2) })
      .addRepository({ nameWithOwner: 'acme/b', pushedAt: daysAgo(2) });
    const provider = githubProvider();
    const first = [readRequest('acme/a'), readRequest('acme/b')];
    const cold = await readAll(provider, first);
    const previous = (key: string) => {
      const result = cold.get(key);
      if (result?.outcome !== 'read') {
        throw new Error(`not read: ${JSON.stringify(result)}`);
      }
      return {
        readAt: new Date().toISOString(),
        changeToken: result.changeToken,
        issueLabels: ['good first issue'],
        windowDays: 90,
      };
    };
    const warm = first.map(request => ({
      ...request,
      previous: previous(request.key),
    }));
    github.requests.length = 0;

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
    ]);
    expect([...results.values()]).toEqual([
      { outcome: 'unchanged', changeToken: previous(first[0].key).changeToken },
      { outcome: 'unchanged', changeToken: previous(first[1].key).changeToken },
    ]);

    github.update('acme/b', repository => {
      repository.pullRequests = [
        { number: 1, createdAt: daysAgo(0), author: { login: 'sam' } },
      ];
    });
    github.requests.length = 0;
    const afterChange = await readAll(provider, warm);
    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryFacts',
    ]);
    expect(afterChange.get(first[0].key)?.outcome).toBe('unchanged');
    expect(afterChange.get(first[1].key)).toMatchObject({
      outcome: 'read',
      facts: { pullRequests: { items: [{ id: '1' }] } },
    });
  });

  it('reads again in full when the labels or the window changed since the last read', async () => {
    github.addRepository({ nameWithOwner: 'acme/a' });
    const provider = githubProvider();
    const request = readRequest('acme/a');
    const cold = await readAll(provider, [request]);
    const token = (cold.get(request.key) as { changeToken: string })
      .changeToken;
    github.requests.length = 0;

    await readAll(provider, [
      {
        ...request,
        issueLabels: ['help wanted'],
        previous: {
          readAt: new Date().toISOString(),
          changeToken: token,
          issueLabels: ['good first issue'],
          windowDays: 90,
        },
      },
    ]);
    expect(github.requests.map(r => r.operation)).toEqual(['RepositoryFacts']);
  });

  it('follows a renamed repository through REST and reports it under its new name, with an ETag the next time', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/old-name', pushedAt: daysAgo(1) })
      .rename('acme/old-name', 'acme/new-name');
    const provider = githubProvider();
    const request = readRequest('acme/old-name');

    const results = await readAll(provider, [request]);

    expect(results.get(request.key)).toMatchObject({
      outcome: 'read',
      facts: {
        repository: {
          provider: 'github',
          host: 'github.com',
          slug: 'acme/new-name',
          url: 'https://github.com/acme/new-name',
        },
      },
    });
    expect(
      github.requests.map(r => r.operation ?? new URL(r.url).pathname),
    ).toEqual([
      'RepositoryFacts',
      '/repos/acme/old-name',
      '/repositories/1',
      'RepositoryFacts',
    ]);

    github.requests.length = 0;
    const again = await readAll(provider, [request]);
    expect(again.get(request.key)).toMatchObject({
      outcome: 'read',
      facts: { repository: { slug: 'acme/new-name' } },
    });
    const rest = github.requests.filter(r => !r.operation);
    expect(rest[0].ifNoneMatch).toBe('"1-acme/new-name"');
    expect(github.notModifiedAnswers).toBe(1);
  });

  it('reports a repository GitHub does not have as not found', async () => {
    const request = readRequest('acme/gone');
    const results = await readAll(githubProvider(), [request]);
    expect(results.get(request.key)).toEqual({
      outcome: 'failed',
      notFound: true,
      reason:
        'GitHub has no repository acme/gone (renamed, deleted, or the token cannot see it)',
    });
  });

  it('leaves a host alone until the reset after a 403 with x-ratelimit-remaining 0', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/a' })
      .addRepository({ nameWithOwner: 'acme/b' })
      .addRepository({ nameWithOwner: 'acme/c' });
    const reset = rateLimitReset(900);
    github.interrupt(() =>
      HttpResponse.json(
        {
          message: 'API rate limit exceeded for user ID 1.',
          documentation_url:
            'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        },
        {
          status: 403,
          headers: {
            'x-ratelimit-limit': '5000',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
          },
        },
      ),
    );
    const provider = githubProvider({ settings: { concurrencyPerHost: 1 } });
    const requests = ['acme/a', 'acme/b', 'acme/c'].map(slug =>
      readRequest(slug),
    );

    const logger = mockServices.logger.mock();
    const results = await readAll(provider, requests, { logger });

    expect(github.requests).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    for (const request of requests) {
      expect(results.get(request.key)).toEqual({
        outcome: 'failed',
        reason: expect.stringContaining('rate limit'),
        retryAt: new Date(reset * 1000),
      });
    }

    github.requests.length = 0;
    const later = await readAll(provider, requests);
    expect(github.requests).toHaveLength(0);
    expect(later.get(requests[2].key)).toEqual({
      outcome: 'failed',
      reason: expect.stringMatching(
        /^github\.com is rate limited until \d\d:\d\d UTC; acme\/c was not read$/,
      ),
      retryAt: new Date(reset * 1000),
    });
  });

  it('waits out a secondary rate limit for the Retry-After it names, without retrying', async () => {
    github.addRepository({ nameWithOwner: 'acme/a' });
    github.interrupt(() =>
      HttpResponse.json(
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
        { status: 403, headers: { 'retry-after': '120' } },
      ),
    );
    const request = readRequest('acme/a');
    const before = Date.now();

    const results = await readAll(githubProvider(), [request]);

    const result = results.get(request.key);
    expect(github.requests).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'failed' });
    const retryAt = (result as { retryAt: Date }).retryAt.getTime();
    expect(retryAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(retryAt).toBeLessThan(before + 125_000);
  });

  it('treats a 429 and a GraphQL RATE_LIMITED answer as rate limits too', async () => {
    github.addRepository({ nameWithOwner: 'acme/a' });
    github.interrupt(
      () =>
        new HttpResponse('Too Many Requests', {
          status: 429,
          headers: { 'retry-after': '30' },
        }),
    );
    const provider = githubProvider();
    const request = readRequest('acme/a');
    const limited = await readAll(provider, [request]);
    expect(limited.get(request.key)).toMatchObject({
      outcome: 'failed',
      retryAt: expect.any(Date),
    });
    expect(github.requests).toHaveLength(1);

    const other = new FakeGithub();
    server.resetHandlers(...other.handlers());
    other.addRepository({ nameWithOwner: 'acme/a' });
    const reset = rateLimitReset(600);
    other.interrupt(() =>
      HttpResponse.json(
        {
          errors: [
            {
              type: 'RATE_LIMITED',
              message: 'API rate limit exceeded for user ID 1.',
            },
          ],
        },
        {
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
          },
        },
      ),
    );
    const graphqlLimited = await readAll(githubProvider(), [request]);
    expect(graphqlLimited.get(request.key)).toMatchObject({
      outcome: 'failed',
      retryAt: new Date(reset * 1000),
    });
    expect(other.requests).toHaveLength(1);
  });

  it('retries a 5xx once and then reads', async () => {
    github.addRepository({ nameWithOwner: 'acme/a' });
    github.interrupt(() => new HttpResponse('Bad gateway', { status: 502 }));
    const request = readRequest('acme/a');
    const results = await readAll(githubProvider(), [request]);
    expect(results.get(request.key)?.outcome).toBe('read');
    expect(github.requests).toHaveLength(2);
  });

  it('fails only the repository whose reads answer 5xx twice', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/a' })
      .addRepository({ nameWithOwner: 'acme/b' });
    github.interrupt(() => new HttpResponse('Bad gateway', { status: 502 }), {
      times: 2,
    });
    const provider = githubProvider({ settings: { concurrencyPerHost: 1 } });
    const [a, b] = [readRequest('acme/a'), readRequest('acme/b')];

    const results = await readAll(provider, [a, b]);

    expect(results.get(a.key)).toEqual({
      outcome: 'failed',
      reason:
        'GitHub did not answer for acme/a (502, also on the retry); the last facts stay in use until the next cycle',
    });
    expect(results.get(b.key)?.outcome).toBe('read');
    expect(github.requests).toHaveLength(3);
  });

  it('gives up on an answer that does not come within the timeout', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/a' })
      .addRepository({ nameWithOwner: 'acme/b' });
    github.interrupt(
      () => delay('infinite').then(() => HttpResponse.json({})),
      {
        times: 2,
      },
    );
    const provider = githubProvider({
      settings: { concurrencyPerHost: 1, requestTimeoutMs: 100 },
    });
    const [a, b] = [readRequest('acme/a'), readRequest('acme/b')];

    const results = await readAll(provider, [a, b]);

    expect(results.get(a.key)).toEqual({
      outcome: 'failed',
      reason: expect.stringContaining(
        'GitHub did not answer for acme/a (no answer within 0.1 s',
      ),
    });
    expect(results.get(b.key)?.outcome).toBe('read');
  });

  it('pages pull requests until they are older than the window', async () => {
    github.addRepository({
      nameWithOwner: 'acme/busy',
      // 60 in the last 60 days, then 100 older ones.
      pullRequests: [
        ...pullRequests(60, 0.5, 1),
        ...pullRequests(100, 120, 1).map(pr => ({
          ...pr,
          number: pr.number - 500,
        })),
      ],
    });
    const request = readRequest('acme/busy', { windowDays: 90 });
    const results = await readAll(githubProvider(), [request]);
    expect(results.get(request.key)).toMatchObject({
      outcome: 'read',
      facts: { pullRequests: { truncated: false } },
    });
    const items = (results.get(request.key) as any).facts.pullRequests.items;
    expect(items).toHaveLength(60);
    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryFacts',
      'PullRequestPage',
    ]);
  });

  it('stops paging at the cap and marks the pull requests truncated', async () => {
    github.addRepository({
      nameWithOwner: 'acme/busy',
      pullRequests: pullRequests(130, 0.1, 0.1),
    });
    const request = readRequest('acme/busy');
    const results = await readAll(
      githubProvider({
        settings: {
          pullRequestPageSize: 50,
          maxPullRequestsPerRepository: 100,
        },
      }),
      [request],
    );
    expect(results.get(request.key)).toMatchObject({
      outcome: 'read',
      facts: { pullRequests: { truncated: true } },
    });
    expect(
      (results.get(request.key) as any).facts.pullRequests.items,
    ).toHaveLength(100);
    expect(github.requests).toHaveLength(2);
  });

  it('stops when the budget says no: later repositories get no result', async () => {
    for (const slug of ['acme/a', 'acme/b', 'acme/c']) {
      github.addRepository({ nameWithOwner: slug });
    }
    const requests = ['acme/a', 'acme/b', 'acme/c'].map(slug =>
      readRequest(slug),
    );
    const budget = pointBudget(2);

    const results = await readAll(
      githubProvider({ settings: { concurrencyPerHost: 1 } }),
      requests,
      { budget },
    );

    expect([...results.keys()]).toEqual([requests[0].key, requests[1].key]);
    expect(github.requests).toHaveLength(2);
    expect(budget.spent).toBe(2);
  });

  it('sends nothing once the signal is aborted', async () => {
    github.addRepository({ nameWithOwner: 'acme/a' });
    const controller = new AbortController();
    controller.abort();
    const results = await readAll(githubProvider(), [readRequest('acme/a')], {
      signal: controller.signal,
    });
    expect(results.size).toBe(0);
    expect(github.requests).toHaveLength(0);
  });

  it('reads GitHub Enterprise Server through its apiBaseUrl', async () => {
    const enterprise = new FakeGithub({
      apiBaseUrl: 'https://ghe.acme.com/api/v3',
      webBaseUrl: 'https://ghe.acme.com',
    });
    server.resetHandlers(...github.handlers(), ...enterprise.handlers());
    enterprise.addRepository({
      nameWithOwner: 'payments/gateway',
      files: { root: ['README'] },
    });
    github.addRepository({ nameWithOwner: 'acme/a' });
    const provider = githubProvider({
      github: [
        { host: 'github.com', token: 'ghp_public' },
        {
          host: 'ghe.acme.com',
          apiBaseUrl: 'https://ghe.acme.com/api/v3',
          token: 'ghe_token',
        },
      ],
    });
    const onEnterprise = readRequest('payments/gateway', {
      host: 'ghe.acme.com',
    });
    const onPublic = readRequest('acme/a');

    const results = await readAll(provider, [onEnterprise, onPublic]);

    expect(results.get(onEnterprise.key)).toMatchObject({
      outcome: 'read',
      facts: {
        repository: { url: 'https://ghe.acme.com/payments/gateway' },
        files: { readme: true },
      },
    });
    expect(results.get(onPublic.key)?.outcome).toBe('read');
    expect(enterprise.requests).toEqual([
      expect.objectContaining({
        url: 'https://ghe.acme.com/api/graphql',
        authorization: 'Bearer ghe_token',
      }),
    ]);
    expect(github.requests).toEqual([
      expect.objectContaining({ authorization: 'Bearer ghp_public' }),
    ]);
  });
});

describe('GithubFactsProvider change detection', () => {
  /** Reads cold, then answers the requests of the next cycle, carrying what the backend stores. */
  async function readThenWarm(
    provider: ReturnType<typeof githubProvider>,
    requests: ReturnType<typeof readRequest>[],
    readAt = new Date().toISOString(),
  ) {
    const cold = await readAll(provider, requests);
    github.requests.length = 0;
    github.searches.length = 0;
    return requests.map(request => {
      const result = cold.get(request.key);
      if (result?.outcome !== 'read') {
        throw new Error(`not read: ${JSON.stringify(result)}`);
      }
      return {
        ...request,
        previous: {
          readAt,
          changeToken: result.changeToken,
          issueLabels: request.issueLabels,
          windowDays: request.windowDays,
        },
      };
    });
  }

  function seedOwner(owner: string, count: number) {
    const slugs = Array.from({ length: count }, (_, i) => `${owner}/r${i}`);
    for (const slug of slugs) {
      github.addRepository({
        nameWithOwner: slug,
        pushedAt: daysAgo(3),
        issues: [
          {
            number: 1,
            title: 'Write the docs',
            createdAt: daysAgo(9),
            labels: ['good first issue'],
          },
        ],
        pullRequests: [
          {
            number: 2,
            createdAt: daysAgo(5),
            author: { login: 'sam' },
          },
        ],
      });
    }
    return slugs;
  }

  it('sends only the push check with the owner’s activity search riding along when nothing changed', async () => {
    const slugs = seedOwner('acme', 3);
    const provider = githubProvider();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
    ]);
    expect(github.searches).toEqual([
      expect.stringMatching(
        /^user:acme updated:>=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ sort:updated-asc$/,
      ),
    ]);
    for (const request of warm) {
      expect(results.get(request.key)).toEqual({
        outcome: 'unchanged',
        changeToken: request.previous.changeToken,
      });
    }
  });

  it('reads a repository again after a comment on one of its pull requests, found by the activity search', async () => {
    const slugs = seedOwner('acme', 3);
    const provider = githubProvider();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    github.update('acme/r1', repository => {
      const [pr] = repository.pullRequests!;
      pr.comments = [{ createdAt: daysAgo(0), author: { login: 'lee' } }];
      pr.updatedAt = daysAgo(0);
    });

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryFacts',
    ]);
    expect(results.get(warm[0].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[2].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[1].key)).toMatchObject({
      outcome: 'read',
      facts: {
        pullRequests: {
          items: [{ id: '2', firstResponseAt: expect.any(String) }],
        },
      },
    });
  });

  it('reads a repository again after a push, and one whose labelled issue was closed or relabelled', async () => {
    const slugs = seedOwner('acme', 4);
    const provider = githubProvider();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    github
      .update('acme/r0', repository => {
        repository.pushedAt = daysAgo(0);
      })
      .update('acme/r2', repository => {
        repository.issues![0].labels = ['docs'];
        repository.issues![0].updatedAt = daysAgo(0);
      });

    const results = await readAll(provider, warm);

    expect(
      [...results.entries()].map(([key, result]) => [key, result.outcome]),
    ).toEqual(
      expect.arrayContaining([
        [warm[0].key, 'read'],
        [warm[1].key, 'unchanged'],
        [warm[2].key, 'read'],
        [warm[3].key, 'unchanged'],
      ]),
    );
    expect(results.get(warm[2].key)).toMatchObject({
      facts: { issues: { openCount: 0 } },
    });
  });

  it('ignores activity from before the last read, less ten minutes for the search index', async () => {
    const slugs = seedOwner('acme', 2);
    const provider = githubProvider();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    github
      .update('acme/r0', repository => {
        // Updated just before the read, yet perhaps not in the index then: read again.
        repository.pullRequests![0].updatedAt = new Date(
          Date.now() - 5 * 60_000,
        ).toISOString();
      })
      .update('acme/r1', repository => {
        repository.pullRequests![0].updatedAt = new Date(
          Date.now() - 30 * 60_000,
        ).toISOString();
      });

    const results = await readAll(provider, warm);

    expect(results.get(warm[0].key)?.outcome).toBe('read');
    expect(results.get(warm[1].key)?.outcome).toBe('unchanged');
  });

  it('pages the activity search while its results fit, in queries of their own once the push checks are sent', async () => {
    const slugs = seedOwner('acme', 2);
    const provider = githubProvider();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    github.addRepository({
      nameWithOwner: 'acme/busy-elsewhere',
      pullRequests: Array.from({ length: 150 }, (_, i) => ({
        number: i + 1,
        createdAt: new Date(Date.now() - 60_000).toISOString(),
        author: { login: 'sam' },
      })),
    });
    // Updated last, so found on the second page of the oldest-first search.
    github.update('acme/r1', repository => {
      repository.pullRequests![0].updatedAt = new Date().toISOString();
    });

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryChanges',
      'RepositoryFacts',
    ]);
    expect(results.get(warm[0].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[1].key)?.outcome).toBe('read');
  });

  it('checks an owner’s repositories one by one when its activity needs more pages than allowed', async () => {
    const slugs = seedOwner('acme', 3);
    const provider = githubProvider({
      settings: { activitySearchMaxPages: 1 },
    });
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    // 101 issues updated in a repository nobody asked about: more than one page of results.
    github.addRepository({
      nameWithOwner: 'acme/busy-elsewhere',
      issues: Array.from({ length: 101 }, (_, i) => ({
        number: i + 1,
        title: `Busy ${i}`,
        createdAt: daysAgo(0),
        labels: [],
      })),
    });
    github.update('acme/r2', repository => {
      repository.issues![0].updatedAt = daysAgo(0);
      repository.issues![0].title = 'Write the docs, in German too';
    });

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryActivity',
      'RepositoryFacts',
    ]);
    expect(results.get(warm[0].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[1].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[2].key)).toMatchObject({
      outcome: 'read',
      facts: {
        issues: { newest: [{ title: 'Write the docs, in German too' }] },
      },
    });
  });

  it('finds a closed labelled issue one by one by the open count in the token', async () => {
    const slugs = seedOwner('acme', 2);
    const provider = githubProvider({
      settings: { activitySearchMaxPages: 1 },
    });
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    github.addRepository({
      nameWithOwner: 'acme/busy-elsewhere',
      pullRequests: Array.from({ length: 150 }, (_, i) => ({
        number: i + 1,
        createdAt: daysAgo(0),
        author: { login: 'bot-like-human' },
      })),
    });
    // Closing leaves no open labelled issue to carry a new update time: only the count tells.
    github.update('acme/r1', repository => {
      repository.issues = [];
    });

    const results = await readAll(provider, warm);

    expect(results.get(warm[0].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[1].key)).toMatchObject({
      outcome: 'read',
      facts: { issues: { openCount: 0 } },
    });
  });

  it('checks one by one a repository read days before the rest of its owner’s, without widening the search', async () => {
    const slugs = seedOwner('acme', 3);
    const provider = githubProvider();
    const now = new Date().toISOString();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
      now,
    );
    warm[2].previous.readAt = daysAgo(4);

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryActivity',
    ]);
    const [search] = github.searches;
    const since = Date.parse(/updated:>=(\S+)/.exec(search)![1]);
    expect(Date.parse(now) - since).toBeLessThan(11 * 60_000);
    expect([...results.values()].map(r => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  it('reads in full, reporting its own failure, when the change detection fails', async () => {
    const slugs = seedOwner('acme', 2);
    const provider = githubProvider({ settings: { concurrencyPerHost: 1 } });
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    github.interrupt(() => new HttpResponse('Bad gateway', { status: 502 }), {
      times: 4,
    });

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryChanges',
      'RepositoryFacts',
      'RepositoryFacts',
      'RepositoryFacts',
    ]);
    expect(results.get(warm[0].key)).toEqual({
      outcome: 'failed',
      reason:
        'GitHub did not answer for acme/r0 (502, also on the retry); the last facts stay in use until the next cycle',
    });
    expect(results.get(warm[1].key)?.outcome).toBe('read');
  });

  it('sends nothing more after a rate limit on the push check', async () => {
    const slugs = seedOwner('acme', 2);
    const provider = githubProvider();
    const warm = await readThenWarm(
      provider,
      slugs.map(slug => readRequest(slug)),
    );
    const reset = rateLimitReset(300);
    github.interrupt(() =>
      HttpResponse.json(
        { message: 'API rate limit exceeded for user ID 1.' },
        {
          status: 403,
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
          },
        },
      ),
    );

    const results = await readAll(provider, warm);

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
    ]);
    for (const request of warm) {
      expect(results.get(request.key)).toMatchObject({
        outcome: 'failed',
        retryAt: new Date(reset * 1000),
      });
    }
  });

  it('keeps a token of the first version: an upgrade reads nothing again', async () => {
    const [slug] = seedOwner('acme', 1);
    const pushedAt = daysAgo(3);
    github.update(slug, repository => {
      repository.pushedAt = pushedAt;
    });
    const token = `v1|${slug}|active|${pushedAt}|${daysAgo(5)}|1@${daysAgo(9)}`;
    const request = {
      ...readRequest(slug),
      previous: {
        readAt: new Date().toISOString(),
        changeToken: token,
        issueLabels: ['good first issue'],
        windowDays: 90,
      },
    };

    const results = await readAll(githubProvider(), [request]);

    expect(results.get(request.key)).toEqual({
      outcome: 'unchanged',
      changeToken: token,
    });
  });

  it('costs one point per 250 repositories when nothing changed', async () => {
    const pushedAt = daysAgo(3);
    const warm = Array.from({ length: 501 }, (_, i) => {
      const slug = `acme/r${i}`;
      github.addRepository({ nameWithOwner: slug, pushedAt });
      return {
        ...readRequest(slug),
        previous: {
          readAt: new Date().toISOString(),
          // What a full read of it would have answered (its labelled issues: none open).
          changeToken: changeToken(
            { nameWithOwner: slug, isArchived: false, pushedAt },
            0,
          ),
          issueLabels: ['good first issue'],
          windowDays: 90,
        },
      };
    });
    const budget = pointBudget();

    const results = await readAll(githubProvider(), warm, { budget });

    expect(github.requests.map(r => r.operation)).toEqual([
      'RepositoryChanges',
      'RepositoryChanges',
      'RepositoryChanges',
    ]);
    expect(github.searches).toHaveLength(1);
    expect(budget.spent).toBe(3);
    expect(results.size).toBe(501);
    expect(
      [...results.values()].every(result => result.outcome === 'unchanged'),
    ).toBe(true);
  });
});
