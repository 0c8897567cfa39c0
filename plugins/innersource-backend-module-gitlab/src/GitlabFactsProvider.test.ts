import { mockServices } from '@backstage/backend-test-utils';
import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  FakeGitlab,
  FakeMergeRequest,
  FakeProject,
} from './__testUtils__/FakeGitlab';
import {
  daysAgo,
  gitlabProvider,
  nextCycle,
  readAll,
  readRequest,
  requestBudget,
} from './__testUtils__/readHelpers';

const server = setupServer();
let gitlab: FakeGitlab;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  gitlab = new FakeGitlab();
  server.resetHandlers(...gitlab.handlers());
});
afterEach(() => {
  if (gitlab.invalidRequests.length > 0) {
    throw new Error(
      `Sent requests GitLab would answer otherwise:\n${gitlab.invalidRequests.join(
        '\n',
      )}`,
    );
  }
});

function mergeRequests(count: number): FakeMergeRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    iid: 1000 - i,
    createdAt: daysAgo(1 + i * 0.1),
    author: { username: `dev-${i}` },
  }));
}

/** A project with nothing GitLab would page: 7 requests for a full read with one label. */
function quietProject(path: string, extra: Partial<FakeProject> = {}) {
  return { path, files: { root: ['README.md'] }, ...extra };
}

describe('GitlabFactsProvider.read', () => {
  it('reads README, CONTRIBUTING, CODEOWNERS, license, labelled issues, last commit and merge requests with first responses', async () => {
    gitlab.addProject({
      path: 'acme/mobile/design-system',
      lastCommitAt: daysAgo(1),
      files: {
        root: ['README.md', 'LICENSE', 'src/', 'package.json'],
        docs: ['CONTRIBUTING.md'],
        gitlab: ['CODEOWNERS', 'issue_templates/'],
      },
      license: { key: 'apache-2.0', name: 'Apache License 2.0' },
      issues: [
        ...Array.from({ length: 6 }, (_, i) => ({
          iid: 10 + i,
          title: `Issue ${i}`,
          createdAt: daysAgo(20 - i),
          labels: ['good first issue', 'docs'],
        })),
        {
          iid: 99,
          title: 'Not labelled for newcomers',
          createdAt: daysAgo(1),
          labels: ['bug'],
        },
        {
          iid: 98,
          title: 'Closed already',
          createdAt: daysAgo(1),
          labels: ['good first issue'],
          state: 'closed',
        },
      ],
      mergeRequests: [
        {
          iid: 7,
          createdAt: daysAgo(3),
          mergedAt: daysAgo(2),
          author: { username: 'jane' },
          notes: [
            { createdAt: daysAgo(2.95), author: { username: 'jane' } },
            {
              createdAt: daysAgo(2.9),
              author: { username: 'lee' },
              body: 'added 1 commit',
              system: true,
            },
            {
              createdAt: daysAgo(2.8),
              author: { username: 'project_42_bot_1a2b', bot: true },
            },
            {
              createdAt: daysAgo(2.7),
              author: { username: 'lee' },
              body: 'approved this merge request',
              system: true,
            },
            { createdAt: daysAgo(2.5), author: { username: 'sam' } },
          ],
        },
        {
          iid: 6,
          createdAt: daysAgo(5),
          author: { username: 'renovate-bot' },
          notes: [{ createdAt: daysAgo(4), author: { username: 'sam' } }],
        },
        { iid: 5, createdAt: daysAgo(6), author: null },
        { iid: 1, createdAt: daysAgo(200), author: { username: 'old' } },
      ],
    });

    const request = readRequest('acme/mobile/design-system');
    const results = await readAll(gitlabProvider(), [request]);

    expect(results.get(request.key)).toEqual({
      outcome: 'read',
      changeToken: expect.stringMatching(/^gitlab-v1:/),
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
          newest: [15, 14, 13, 12, 11].map(iid => ({
            title: `Issue ${iid - 10}`,
            url: `https://gitlab.com/acme/mobile/design-system/-/issues/${iid}`,
            labels: ['good first issue', 'docs'],
            createdAt: expect.any(String),
          })),
        },
        pullRequests: {
          windowDays: 90,
          truncated: false,
          items: [
            {
              id: '!7',
              url: 'https://gitlab.com/acme/mobile/design-system/-/merge_requests/7',
              author: { login: 'jane', isBot: false },
              createdAt: expect.any(String),
              mergedAt: expect.any(String),
              firstResponseAt: expect.any(String),
            },
            {
              id: '!6',
              url: 'https://gitlab.com/acme/mobile/design-system/-/merge_requests/6',
              author: { login: 'renovate-bot', isBot: true },
              createdAt: expect.any(String),
            },
            {
              id: '!5',
              url: 'https://gitlab.com/acme/mobile/design-system/-/merge_requests/5',
              author: null,
              createdAt: expect.any(String),
            },
          ],
        },
      },
    });
    // Lee's approval (0.3 days in) is the first response: Jane's own note, the system note and the bot do not count.
    const [answered] = (results.get(request.key) as any).facts.pullRequests
      .items;
    const hoursToAnswer =
      (Date.parse(answered.firstResponseAt) - Date.parse(answered.createdAt)) /
      3_600_000;
    expect(hoursToAnswer).toBeCloseTo(0.3 * 24, 1);
    // The bot's merge request never counts, so its notes are not read.
    expect(gitlab.requestsTo(/\/notes$/).map(r => r.path)).toEqual([
      'projects/acme/mobile/design-system/merge_requests/7/notes',
      'projects/acme/mobile/design-system/merge_requests/5/notes',
    ]);
    expect(gitlab.requests.map(r => r.path)).toEqual([
      'projects/acme/mobile/design-system',
      'projects/acme/mobile/design-system/repository/tree',
      'projects/acme/mobile/design-system/repository/tree',
      'projects/acme/mobile/design-system/repository/tree',
      'projects/acme/mobile/design-system/repository/commits',
      'projects/acme/mobile/design-system/issues',
      'projects/acme/mobile/design-system/merge_requests',
      'projects/acme/mobile/design-system/merge_requests/7/notes',
      'projects/acme/mobile/design-system/merge_requests/5/notes',
    ]);
  });

  it('says an empty repository has no files and no commit, without asking for its tree', async () => {
    gitlab.addProject({ path: 'acme/empty', defaultBranch: null });
    const request = readRequest('acme/empty', { issueLabels: [] });
    const results = await readAll(gitlabProvider(), [request]);
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
    expect(gitlab.requests.map(r => r.path)).toEqual([
      'projects/acme/empty',
      'projects/acme/empty/merge_requests',
    ]);
  });

  it('reports no files and no last commit when GitLab shows the token no repository', async () => {
    gitlab.addProject(
      quietProject('acme/guest-only', {
        codeHidden: true,
        mergeRequests: mergeRequests(1),
      }),
    );
    const request = readRequest('acme/guest-only', { issueLabels: [] });
    const results = await readAll(gitlabProvider(), [request]);
    const facts = (results.get(request.key) as any).facts;
    expect(facts.files).toBeUndefined();
    expect(facts.lastCommitAt).toBeUndefined();
    expect(facts.pullRequests.items).toHaveLength(1);
    expect(gitlab.requestsTo(/repository/)).toHaveLength(0);
  });

  it('sends the token of integrations.gitlab as GitLab expects it, on every request', async () => {
    gitlab.addProject(quietProject('acme/payments'));
    await readAll(gitlabProvider(), [readRequest('acme/payments')]);
    expect(new Set(gitlab.requests.map(r => r.authorization))).toEqual(
      new Set(['Bearer glpat-test']),
    );
  });

  it('reads a self-managed GitLab through its apiBaseUrl, beside gitlab.com', async () => {
    const selfManaged = new FakeGitlab({
      apiBaseUrl: 'https://gitlab.acme.com/api/v4',
      webBaseUrl: 'https://gitlab.acme.com',
    });
    server.resetHandlers(...gitlab.handlers(), ...selfManaged.handlers());
    selfManaged.addProject(quietProject('payments/ledger'));
    gitlab.addProject(quietProject('acme/a'));
    const provider = gitlabProvider({
      gitlab: [
        { host: 'gitlab.com', token: 'glpat-public' },
        {
          host: 'gitlab.acme.com',
          apiBaseUrl: 'https://gitlab.acme.com/api/v4',
          token: 'glpat-acme',
        },
      ],
    });
    const onSelfManaged = readRequest('payments/ledger', {
      host: 'gitlab.acme.com',
    });
    const onPublic = readRequest('acme/a');

    const results = await readAll(provider, [onSelfManaged, onPublic]);

    expect(results.get(onSelfManaged.key)).toMatchObject({
      outcome: 'read',
      facts: {
        repository: { url: 'https://gitlab.acme.com/payments/ledger' },
        files: { readme: true },
      },
    });
    expect(results.get(onPublic.key)?.outcome).toBe('read');
    expect(new Set(selfManaged.requests.map(r => r.authorization))).toEqual(
      new Set(['Bearer glpat-acme']),
    );
    expect(new Set(gitlab.requests.map(r => r.authorization))).toEqual(
      new Set(['Bearer glpat-public']),
    );
  });

  it('pages merge requests through X-Next-Page and marks them truncated at the cap', async () => {
    gitlab.addProject(
      quietProject('acme/busy', { mergeRequests: mergeRequests(120) }),
    );
    const request = readRequest('acme/busy', { issueLabels: [] });

    const all = await readAll(
      gitlabProvider({
        settings: { mergeRequestPageSize: 50, maxMergeRequestsPerProject: 500 },
      }),
      [request],
    );
    expect(all.get(request.key)).toMatchObject({
      facts: { pullRequests: { truncated: false } },
    });
    expect((all.get(request.key) as any).facts.pullRequests.items).toHaveLength(
      120,
    );
    expect(
      gitlab.requestsTo(/merge_requests$/).map(r => r.query.get('page')),
    ).toEqual(['1', '2', '3']);

    gitlab.requests.length = 0;
    const capped = await readAll(
      gitlabProvider({
        settings: { mergeRequestPageSize: 50, maxMergeRequestsPerProject: 60 },
      }),
      [request],
    );
    const facts = (capped.get(request.key) as any).facts;
    expect(facts.pullRequests.truncated).toBe(true);
    expect(facts.pullRequests.items).toHaveLength(60);
    expect(facts.pullRequests.items[0].id).toBe('!1000');
    expect(gitlab.requestsTo(/merge_requests$/)).toHaveLength(2);
    expect(gitlab.requestsTo(/\/notes$/)).toHaveLength(60);
  });

  it('counts one label from X-Total on the first page, and pages several labels for their union, counting each issue once', async () => {
    const issues = [
      ...Array.from({ length: 30 }, (_, i) => ({
        iid: i + 1,
        title: `Starter ${i + 1}`,
        createdAt: daysAgo(40 - i),
        // Issues 21 to 30 carry both labels.
        labels:
          i >= 20 ? ['good first issue', 'help wanted'] : ['good first issue'],
      })),
      ...Array.from({ length: 15 }, (_, i) => ({
        iid: 100 + i,
        title: `Help ${i}`,
        createdAt: daysAgo(60 - i),
        labels: ['help wanted'],
      })),
    ];
    gitlab.addProject(quietProject('acme/starters', { issues }));

    const one = readRequest('acme/starters');
    const single = await readAll(gitlabProvider(), [one]);
    expect(single.get(one.key)).toMatchObject({
      facts: { issues: { openCount: 30 } },
    });
    expect(gitlab.requestsTo(/\/issues$/)).toHaveLength(1);

    gitlab.requests.length = 0;
    const both = readRequest('acme/starters', {
      issueLabels: ['good first issue', 'help wanted'],
    });
    const union = await readAll(gitlabProvider(), [both]);
    const facts = (union.get(both.key) as any).facts.issues;
    // 30 + 25 asked, 10 of them with both labels.
    expect(facts.openCount).toBe(45);
    expect(facts.newest.map((i: any) => i.title)).toEqual([
      'Starter 30',
      'Starter 29',
      'Starter 28',
      'Starter 27',
      'Starter 26',
    ]);
    expect(
      gitlab
        .requestsTo(/\/issues$/)
        .map(r => `${r.query.get('labels')}#${r.query.get('page')}`),
    ).toEqual([
      'good first issue#1',
      'good first issue#2',
      'help wanted#1',
      'help wanted#2',
    ]);

    gitlab.requests.length = 0;
    const bounded = await readAll(
      gitlabProvider({ settings: { maxIssuePagesPerLabel: 1 } }),
      [both],
    );
    // Paging stopped: at least the 30 of one label; never the 55 of both totals.
    expect((bounded.get(both.key) as any).facts.issues.openCount).toBe(30);
  });

  it('reports a moved project under its new path, following GitLab’s 301 to the project id', async () => {
    gitlab.addProject(
      quietProject('acme/old-name', {
        id: 4242,
        mergeRequests: mergeRequests(1),
      }),
    );
    gitlab.move('acme/old-name', 'platform/new-name');
    const request = readRequest('acme/old-name');

    const results = await readAll(gitlabProvider(), [request]);

    expect(results.get(request.key)).toMatchObject({
      outcome: 'read',
      facts: {
        repository: {
          provider: 'gitlab',
          host: 'gitlab.com',
          slug: 'platform/new-name',
          url: 'https://gitlab.com/platform/new-name',
        },
        files: { readme: true },
        pullRequests: {
          items: [
            {
              url: 'https://gitlab.com/platform/new-name/-/merge_requests/1000',
            },
          ],
        },
      },
    });
    expect(gitlab.requests.slice(0, 3).map(r => r.path)).toEqual([
      'projects/acme/old-name',
      'projects/4242',
      'projects/platform/new-name/repository/tree',
    ]);
  });

  it('reads the notes of a merge request again only while nobody has answered it', async () => {
    gitlab.addProject(
      quietProject('acme/reviews', {
        mergeRequests: [
          {
            iid: 2,
            createdAt: daysAgo(2),
            author: { username: 'jane' },
            notes: [{ createdAt: daysAgo(1.5), author: { username: 'lee' } }],
          },
          { iid: 1, createdAt: daysAgo(3), author: { username: 'sam' } },
        ],
      }),
    );
    const provider = gitlabProvider();
    const request = readRequest('acme/reviews');
    await readAll(provider, [request]);
    gitlab.requests.length = 0;

    const again = await readAll(provider, [request]);

    expect(gitlab.requestsTo(/\/notes$/).map(r => r.path)).toEqual([
      'projects/acme/reviews/merge_requests/1/notes',
    ]);
    expect(again.get(request.key)).toMatchObject({
      facts: {
        pullRequests: {
          items: [
            { id: '!2', firstResponseAt: expect.any(String) },
            { id: '!1' },
          ],
        },
      },
    });
  });

  it('reports a project GitLab does not have as not found', async () => {
    const request = readRequest('acme/gone');
    const results = await readAll(gitlabProvider(), [request]);
    expect(results.get(request.key)).toEqual({
      outcome: 'failed',
      notFound: true,
      reason:
        'GitLab has no project acme/gone (deleted, moved without a redirect, or the token of integrations.gitlab cannot see it)',
    });
  });

  it('leaves a host alone until Retry-After after a 429, in this cycle and the next', async () => {
    for (const path of ['acme/a', 'acme/b', 'acme/c']) {
      gitlab.addProject(quietProject(path));
    }
    gitlab.interrupt(() =>
      HttpResponse.json(
        { message: 'Retry later' },
        {
          status: 429,
          headers: {
            'Retry-After': '120',
            'RateLimit-Limit': '2000',
            'RateLimit-Remaining': '0',
            'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 120),
          },
        },
      ),
    );
    const provider = gitlabProvider({ settings: { concurrencyPerHost: 1 } });
    const requests = ['acme/a', 'acme/b', 'acme/c'].map(path =>
      readRequest(path),
    );
    const logger = mockServices.logger.mock();
    const before = Date.now();

    const results = await readAll(provider, requests, { logger });

    expect(gitlab.requests).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const retryAt = (results.get(requests[0].key) as any).retryAt as Date;
    expect(retryAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(retryAt.getTime()).toBeLessThan(before + 125_000);
    expect(results.get(requests[0].key)).toEqual({
      outcome: 'failed',
      reason: expect.stringMatching(
        /^GitLab answered 429 \(rate limit\) for acme\/a; gitlab\.com is read again after \d\d:\d\d UTC$/,
      ),
      retryAt,
    });
    for (const request of requests.slice(1)) {
      expect(results.get(request.key)).toEqual({
        outcome: 'failed',
        reason: expect.stringContaining('rate limited'),
        retryAt,
      });
    }

    gitlab.requests.length = 0;
    const later = await readAll(provider, requests);
    expect(gitlab.requests).toHaveLength(0);
    expect(later.get(requests[2].key)).toEqual({
      outcome: 'failed',
      reason: expect.stringMatching(
        /^gitlab\.com is rate limited until \d\d:\d\d UTC; acme\/c was not read$/,
      ),
      retryAt,
    });
  });

  it('sends nothing more after an answer that says RateLimit-Remaining 0, until RateLimit-Reset', async () => {
    gitlab
      .addProject(quietProject('acme/a'))
      .addProject(quietProject('acme/b'));
    const reset = Math.floor(Date.now() / 1000) + 600;
    gitlab.interrupt(
      () =>
        HttpResponse.json(
          [{ id: 'e1', name: 'README.md', type: 'blob', path: 'README.md' }],
          {
            headers: {
              'RateLimit-Limit': '2000',
              'RateLimit-Observed': '2000',
              'RateLimit-Remaining': '0',
              'RateLimit-Reset': String(reset),
              'X-Next-Page': '',
            },
          },
        ),
      { matches: request => request.path.endsWith('/repository/tree') },
    );
    const provider = gitlabProvider({ settings: { concurrencyPerHost: 1 } });
    const [a, b] = [readRequest('acme/a'), readRequest('acme/b')];

    const results = await readAll(provider, [a, b]);

    expect(gitlab.requests.map(r => r.path)).toEqual([
      'projects/acme/a',
      'projects/acme/a/repository/tree',
    ]);
    for (const request of [a, b]) {
      expect(results.get(request.key)).toMatchObject({
        outcome: 'failed',
        retryAt: new Date(reset * 1000),
      });
    }
    gitlab.requests.length = 0;
    await readAll(provider, [a, b]);
    expect(gitlab.requests).toHaveLength(0);
  });

  it('retries a 5xx once and then reads', async () => {
    gitlab.addProject(quietProject('acme/a'));
    gitlab.interrupt(() => new HttpResponse('Bad gateway', { status: 502 }));
    const request = readRequest('acme/a');
    const budget = requestBudget();
    const results = await readAll(gitlabProvider(), [request], { budget });
    expect(results.get(request.key)?.outcome).toBe('read');
    expect(gitlab.requests.slice(0, 2).map(r => r.path)).toEqual([
      'projects/acme/a',
      'projects/acme/a',
    ]);
    // The retry is a request too.
    expect(budget.spent).toBe(gitlab.requests.length);
  });

  it('fails only the project whose requests answer 5xx twice', async () => {
    gitlab
      .addProject(quietProject('acme/a'))
      .addProject(quietProject('acme/b'));
    gitlab.interrupt(() => new HttpResponse('Bad gateway', { status: 502 }), {
      times: 2,
    });
    const provider = gitlabProvider({ settings: { concurrencyPerHost: 1 } });
    const [a, b] = [readRequest('acme/a'), readRequest('acme/b')];

    const results = await readAll(provider, [a, b]);

    expect(results.get(a.key)).toEqual({
      outcome: 'failed',
      reason:
        'GitLab did not answer for acme/a (502, also on the retry); the last facts stay in use until the next cycle',
    });
    expect(results.get(b.key)?.outcome).toBe('read');
  });

  it('gives up on an answer that does not come within the timeout', async () => {
    gitlab
      .addProject(quietProject('acme/a'))
      .addProject(quietProject('acme/b'));
    gitlab.interrupt(
      () => delay('infinite').then(() => HttpResponse.json({})),
      {
        times: 2,
      },
    );
    const provider = gitlabProvider({
      settings: { concurrencyPerHost: 1, requestTimeoutMs: 100 },
    });
    const [a, b] = [readRequest('acme/a'), readRequest('acme/b')];

    const results = await readAll(provider, [a, b]);

    expect(results.get(a.key)).toEqual({
      outcome: 'failed',
      reason:
        'GitLab did not answer for acme/a (no answer within 0.1 s, also on the retry); the last facts stay in use until the next cycle',
    });
    expect(results.get(b.key)?.outcome).toBe('read');
  });

  it('stops when the budget says no: later projects get no result, and a partly read window is truncated', async () => {
    for (const path of ['acme/a', 'acme/b', 'acme/c']) {
      gitlab.addProject(quietProject(path));
    }
    const requests = ['acme/a', 'acme/b', 'acme/c'].map(path =>
      readRequest(path),
    );
    const budget = requestBudget(16);

    const results = await readAll(
      gitlabProvider({ settings: { concurrencyPerHost: 1 } }),
      requests,
      { budget },
    );

    // Seven requests each; the third stops part way and gets no result.
    expect([...results.keys()]).toEqual([requests[0].key, requests[1].key]);
    expect(gitlab.requests).toHaveLength(16);
    expect(budget.spent).toBe(16);

    gitlab.addProject(
      quietProject('acme/d', { mergeRequests: mergeRequests(5) }),
    );
    gitlab.requests.length = 0;
    const d = readRequest('acme/d');
    const partly = await readAll(gitlabProvider(), [d], {
      budget: requestBudget(9),
    });
    expect(partly.get(d.key)).toMatchObject({
      outcome: 'read',
      facts: {
        pullRequests: {
          truncated: true,
          items: [{ id: '!1000' }, { id: '!999' }],
        },
      },
    });
  });

  it('sends nothing once the signal is aborted', async () => {
    gitlab.addProject(quietProject('acme/a'));
    const controller = new AbortController();
    controller.abort();
    const results = await readAll(gitlabProvider(), [readRequest('acme/a')], {
      signal: controller.signal,
    });
    expect(results.size).toBe(0);
    expect(gitlab.requests).toHaveLength(0);
  });
});

describe('GitlabFactsProvider change detection', () => {
  /** Projects last active long enough ago for GitLab to have moved last_activity_at on anything new. */
  function seedGroup(group: string, count: number) {
    const paths = Array.from({ length: count }, (_, i) =>
      i % 2 ? `${group}/team-${i}/p${i}` : `${group}/p${i}`,
    );
    for (const path of paths) {
      gitlab.addProject(
        quietProject(path, {
          lastActivityAt: daysAgo(2),
          mergeRequests: [
            {
              iid: 1,
              createdAt: daysAgo(5),
              author: { username: 'sam' },
            },
          ],
        }),
      );
    }
    return paths;
  }

  async function readThenWarm(
    provider: ReturnType<typeof gitlabProvider>,
    paths: string[],
  ) {
    const requests = paths.map(path => readRequest(path));
    const cold = await readAll(provider, requests, {
      budget: requestBudget(100_000),
    });
    gitlab.requests.length = 0;
    return nextCycle(requests, cold);
  }

  it('answers unchanged from one group listing when no project’s last_activity_at moved', async () => {
    const paths = seedGroup('acme', 3);
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, paths);

    const results = await readAll(provider, warm);

    expect(gitlab.requests.map(r => r.path)).toEqual(['groups/acme/projects']);
    for (const request of warm) {
      expect(results.get(request.key)).toEqual({
        outcome: 'unchanged',
        changeToken: request.previous!.changeToken,
      });
    }
  });

  it('reads in full only the project whose last_activity_at moved', async () => {
    const paths = seedGroup('acme', 3);
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, paths);
    gitlab.update(paths[1], project => {
      project.mergeRequests![0].notes = [
        { createdAt: daysAgo(0), author: { username: 'lee' } },
      ];
      project.lastActivityAt = daysAgo(0);
    });

    const results = await readAll(provider, warm);

    expect(gitlab.requests[0].path).toBe('groups/acme/projects');
    expect(
      new Set(
        gitlab.requests.slice(1).map(r => r.path.split('/repository')[0]),
      ),
    ).toContain(`projects/${paths[1]}`);
    expect(
      gitlab.requests.filter(r => r.path === `projects/${paths[0]}`),
    ).toHaveLength(0);
    expect(results.get(warm[0].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[2].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[1].key)).toMatchObject({
      outcome: 'read',
      facts: {
        pullRequests: {
          items: [{ id: '!1', firstResponseAt: expect.any(String) }],
        },
      },
    });
  });

  it('costs one listing request per 100 projects of a group, and stops paging once every project was seen', async () => {
    const paths = seedGroup('big', 150);
    gitlab.addProject(
      quietProject('big/dormant', { lastActivityAt: daysAgo(400) }),
    );
    for (let i = 0; i < 60; i++) {
      gitlab.addProject(
        quietProject(`big/not-in-catalog-${i}`, {
          lastActivityAt: daysAgo(300),
        }),
      );
    }
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, paths);

    const results = await readAll(provider, warm);

    expect(
      gitlab.requests.map(r => `${r.path}#${r.query.get('page')}`),
    ).toEqual(['groups/big/projects#1', 'groups/big/projects#2']);
    expect(
      [...results.values()].every(result => result.outcome === 'unchanged'),
    ).toBe(true);
  });

  it('reads in full a project active within the hour before its read: GitLab may not have moved last_activity_at since', async () => {
    gitlab.addProject(
      quietProject('acme/lively', { lastActivityAt: daysAgo(10 / 1440) }),
    );
    const provider = gitlabProvider();
    const [warm] = await readThenWarm(provider, ['acme/lively']);

    const results = await readAll(provider, [warm]);

    expect(results.get(warm.key)?.outcome).toBe('read');
    expect(gitlab.requests.map(r => r.path)).not.toContain(
      'groups/acme/projects',
    );
  });

  it('reads again in full when the labels or the window changed since the last read', async () => {
    const [path] = seedGroup('acme', 1);
    const provider = gitlabProvider();
    const [warm] = await readThenWarm(provider, [path]);

    const results = await readAll(provider, [
      { ...warm, issueLabels: ['help wanted'] },
    ]);

    expect(results.get(warm.key)?.outcome).toBe('read');
    expect(gitlab.requests[0].path).toBe(`projects/${path}`);
  });

  it('asks a project outside any listable group with If-None-Match, and a 304 is unchanged', async () => {
    gitlab
      .addProject(quietProject('jane/dotfiles', { lastActivityAt: daysAgo(3) }))
      .addProject(
        quietProject('acme/archived', {
          lastActivityAt: daysAgo(3),
          archived: true,
        }),
      );
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, [
      'jane/dotfiles',
      'acme/archived',
    ]);
    gitlab.interrupt(
      () =>
        HttpResponse.json({ message: '404 Group Not Found' }, { status: 404 }),
      { matches: request => request.path === 'groups/jane/projects' },
    );

    const results = await readAll(provider, warm);

    expect(
      gitlab.requests.map(r => [r.path, r.ifNoneMatch ? 'If-None-Match' : '']),
    ).toEqual([
      ['groups/jane/projects', ''],
      ['projects/jane/dotfiles', 'If-None-Match'],
      ['projects/acme/archived', 'If-None-Match'],
    ]);
    for (const request of warm) {
      expect(results.get(request.key)?.outcome).toBe('unchanged');
    }

    gitlab.update('jane/dotfiles', project => {
      project.lastActivityAt = daysAgo(0);
    });
    gitlab.requests.length = 0;
    const changed = await readAll(provider, [warm[0]]);
    expect(changed.get(warm[0].key)?.outcome).toBe('read');
    // The answer of the conditional request is the full read's project answer.
    expect(
      gitlab.requests.filter(r => r.path === 'projects/jane/dotfiles'),
    ).toHaveLength(1);
  });

  it('reports a project gone from its group and from GitLab as not found, from the one check', async () => {
    const paths = seedGroup('acme', 2);
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, paths);
    gitlab.interrupt(
      () =>
        HttpResponse.json(
          { message: '404 Project Not Found' },
          { status: 404 },
        ),
      { matches: request => request.path === `projects/${paths[0]}` },
    );
    gitlab.update(paths[0], project => {
      project.archived = true;
    });

    const results = await readAll(provider, warm);

    expect(results.get(warm[0].key)).toMatchObject({
      outcome: 'failed',
      notFound: true,
    });
    expect(gitlab.requests.map(r => r.path)).toEqual([
      'groups/acme/projects',
      `projects/${paths[0]}`,
    ]);
  });

  it('reads a project that left the group listing, and reports it under its new path', async () => {
    const paths = seedGroup('acme', 2);
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, paths);
    gitlab.move(paths[0], 'platform/p0');

    const results = await readAll(provider, warm);

    expect(results.get(warm[1].key)?.outcome).toBe('unchanged');
    expect(results.get(warm[0].key)).toMatchObject({
      outcome: 'read',
      facts: { repository: { slug: 'platform/p0' } },
    });
  });

  it('sends nothing more after a rate limit on the group listing', async () => {
    const paths = seedGroup('acme', 2);
    const provider = gitlabProvider();
    const warm = await readThenWarm(provider, paths);
    gitlab.interrupt(() =>
      HttpResponse.json(
        { message: 'Retry later' },
        { status: 429, headers: { 'Retry-After': '60' } },
      ),
    );

    const results = await readAll(provider, warm);

    expect(gitlab.requests).toHaveLength(1);
    for (const request of warm) {
      expect(results.get(request.key)).toMatchObject({
        outcome: 'failed',
        retryAt: expect.any(Date),
      });
    }
  });
});
