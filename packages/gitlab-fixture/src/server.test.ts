import { demoSeed } from './demoSeed';
import { GitlabFixtureSeed } from './seed';
import { GitlabFixture, startGitlabFixture } from './server';

const seed: GitlabFixtureSeed = {
  projects: [
    {
      path: 'acme/mobile/design-system',
      id: 12,
      previousPaths: ['acme/design-system'],
      committedDaysAgo: 1,
      files: {
        'README.md': '# Tokens\n',
        'docs/CONTRIBUTING.md': '# Contributing\n',
        '.gitlab/CODEOWNERS': '* @acme/mobile\n',
        LICENSE: 'MIT\n',
      },
      license: { key: 'mit', name: 'MIT License' },
      issues: [
        {
          iid: 3,
          title: 'Add <script>alert(1)</script> tokens',
          labels: ['good first issue'],
          openedDaysAgo: 3,
        },
        {
          iid: 4,
          title: 'Both labels',
          labels: ['good first issue', 'help wanted'],
          openedDaysAgo: 1,
        },
        { iid: 5, title: 'Unlabelled', openedDaysAgo: 2 },
        {
          iid: 1,
          title: 'Closed',
          labels: ['good first issue'],
          openedDaysAgo: 9,
          closed: true,
        },
      ],
      mergeRequests: [
        {
          iid: 7,
          title: 'Focus ring',
          author: 'dalvarez',
          openedDaysAgo: 5,
          notes: [
            { author: 'ytanaka', afterHours: 1, kind: 'system' },
            { author: 'ytanaka', afterHours: 3, kind: 'approval' },
            { author: 'dalvarez', afterHours: 0.5, body: 'Ready' },
          ],
          mergedAfterHours: 8,
        },
        {
          iid: 8,
          title: 'Update a dependency',
          author: 'project_12_bot_5c1e4f3a',
          openedDaysAgo: 2,
        },
        { iid: 2, title: 'Ancient', author: null, openedDaysAgo: 300 },
      ],
    },
    {
      path: 'acme/data/pipelines',
      committedDaysAgo: 20,
      files: { 'README.md': '# Pipelines\n' },
    },
    { path: 'acme/empty', description: 'Nothing pushed yet' },
    { path: 'acme/old', committedDaysAgo: 500, archived: true },
    { path: 'other/tool', committedDaysAgo: 3 },
  ],
};

let fixture: GitlabFixture;

beforeEach(async () => {
  fixture = await startGitlabFixture({ seed });
});

afterEach(() => fixture.close());

const encoded = (path: string) => encodeURIComponent(path);

async function api(path: string, init?: RequestInit) {
  const response = await fetch(`${fixture.apiBaseUrl}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { 'private-token': 'demo-fixture-token', ...init?.headers },
  });
  const text = await response.text();
  return { response, body: text ? JSON.parse(text) : undefined };
}

describe('the project', () => {
  it('answers GitLab project fields with its license and a strong ETag, and 304 when unchanged', async () => {
    const { response, body } = await api(
      `/projects/${encoded('acme/mobile/design-system')}?license=true`,
    );
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      id: 12,
      path_with_namespace: 'acme/mobile/design-system',
      web_url: `${fixture.url}/acme/mobile/design-system`,
      default_branch: 'main',
      archived: false,
      empty_repo: false,
      license: { key: 'mit', name: 'MIT License' },
    });
    expect(Date.parse(body.last_activity_at)).toBeLessThanOrEqual(Date.now());
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);

    const again = await api(
      `/projects/${encoded('acme/mobile/design-system')}?license=true`,
      { headers: { 'if-none-match': etag } },
    );
    expect(again.response.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(fixture.stats().notModified).toBe(1);
  });

  it('leaves the license out unless asked, and answers by numeric id too', async () => {
    const { body } = await api('/projects/12');
    expect(body.path_with_namespace).toBe('acme/mobile/design-system');
    expect(body).not.toHaveProperty('license');
  });

  it('answers a new ETag once the project changed', async () => {
    const path = `/projects/${encoded('acme/data/pipelines')}`;
    const first = await api(path);
    fixture.push('acme/data/pipelines');
    const second = await api(path, {
      headers: { 'if-none-match': first.response.headers.get('etag')! },
    });
    expect(second.response.status).toBe(200);
    expect(Date.parse(second.body.last_activity_at)).toBeGreaterThan(
      Date.parse(first.body.last_activity_at),
    );
  });

  it('says empty_repo and no default branch for an empty repository', async () => {
    const { body } = await api(`/projects/${encoded('acme/empty')}`);
    expect(body).toMatchObject({ empty_repo: true, default_branch: null });
    const commits = await api(
      `/projects/${encoded('acme/empty')}/repository/commits?per_page=1`,
    );
    expect(commits.body).toEqual([]);
  });

  it('answers an unknown project 404 as GitLab words it', async () => {
    const { response, body } = await api(`/projects/${encoded('acme/nope')}`);
    expect(response.status).toBe(404);
    expect(body).toEqual({ message: '404 Project Not Found' });
  });

  it('redirects a GET naming a moved project by its old path to the same route by id, query kept', async () => {
    const { response } = await api(
      `/projects/${encoded(
        'acme/design-system',
      )}/issues?state=opened&labels=good+first+issue`,
    );
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(
      `${fixture.apiBaseUrl}/projects/12/issues?state=opened&labels=good+first+issue`,
    );
    const followed = await fetch(response.headers.get('location')!);
    expect((await followed.json()).map((i: { iid: number }) => i.iid)).toEqual([
      4, 3,
    ]);
    expect(fixture.stats().redirects).toBe(1);
  });

  it('refuses any other method on a moved project with 405, HEAD included', async () => {
    const { response } = await api(
      `/projects/${encoded('acme/design-system')}`,
      {
        method: 'HEAD',
      },
    );
    expect(response.status).toBe(405);
  });
});

describe('change detection by group', () => {
  it('lists the projects of a group and its subgroups, newest activity first, archived left out', async () => {
    const { response, body } = await api(
      '/groups/acme/projects?include_subgroups=true&order_by=last_activity_at&sort=desc&per_page=100&simple=true&archived=false',
    );
    expect(response.status).toBe(200);
    expect(
      body.map((p: { path_with_namespace: string }) => p.path_with_namespace),
    ).toEqual([
      'acme/mobile/design-system',
      'acme/data/pipelines',
      'acme/empty',
    ]);
    expect(Object.keys(body[0]).sort()).toEqual(
      expect.arrayContaining(['id', 'path_with_namespace', 'last_activity_at']),
    );
    expect(response.headers.get('x-total')).toBe('3');
  });

  it('lists only the group itself without include_subgroups', async () => {
    const { body } = await api('/groups/acme/projects?simple=true');
    expect(
      body
        .map((p: { path_with_namespace: string }) => p.path_with_namespace)
        .sort(),
    ).toEqual(['acme/empty', 'acme/old']);
  });

  it('pages with GitLab headers and a Link header that repeats the query', async () => {
    const first = await api(
      '/groups/acme/projects?include_subgroups=true&order_by=last_activity_at&per_page=2',
    );
    expect(first.body).toHaveLength(2);
    const headers = first.response.headers;
    expect(headers.get('x-page')).toBe('1');
    expect(headers.get('x-per-page')).toBe('2');
    expect(headers.get('x-total')).toBe('4');
    expect(headers.get('x-total-pages')).toBe('2');
    expect(headers.get('x-next-page')).toBe('2');
    expect(headers.get('x-prev-page')).toBe('');
    const next = /<([^>]+)>; rel="next"/.exec(headers.get('link')!)![1];
    expect(next).toContain('include_subgroups=true');
    const second = await fetch(next);
    expect(await second.json()).toHaveLength(2);
    expect(second.headers.get('x-next-page')).toBe('');
    expect(second.headers.get('link')).not.toContain('rel="next"');
  });

  it('answers an unknown group 404', async () => {
    const { response, body } = await api('/groups/nobody/projects');
    expect(response.status).toBe(404);
    expect(body).toEqual({ message: '404 Group Not Found' });
  });
});

describe('files, issues and commits', () => {
  const project = `/projects/${encoded('acme/mobile/design-system')}`;

  it('lists the root, docs and .gitlab with GitLab tree entries, and 404 for a missing directory', async () => {
    const root = await api(`${project}/repository/tree?ref=main&per_page=100`);
    expect(root.body).toEqual([
      expect.objectContaining({
        name: '.gitlab',
        type: 'tree',
        path: '.gitlab',
        mode: '040000',
      }),
      expect.objectContaining({ name: 'docs', type: 'tree', path: 'docs' }),
      expect.objectContaining({
        name: 'LICENSE',
        type: 'blob',
        mode: '100644',
      }),
      expect.objectContaining({ name: 'README.md', type: 'blob' }),
    ]);
    const gitlab = await api(
      `${project}/repository/tree?ref=main&path=.gitlab`,
    );
    expect(gitlab.body).toEqual([
      expect.objectContaining({
        name: 'CODEOWNERS',
        path: '.gitlab/CODEOWNERS',
        type: 'blob',
      }),
    ]);
    const missing = await api(
      `${project}/repository/tree?ref=main&path=nothing`,
    );
    expect(missing.response.status).toBe(404);
    expect(missing.body).toEqual({ message: '404 Tree Not Found' });
  });

  it('answers labels=a,b with the issues carrying all of them, and X-Total for the count', async () => {
    const one = await api(
      `${project}/issues?state=opened&labels=good+first+issue&order_by=created_at&sort=desc&per_page=1`,
    );
    expect(one.body).toEqual([
      expect.objectContaining({
        iid: 4,
        title: 'Both labels',
        web_url: `${fixture.url}/acme/mobile/design-system/-/issues/4`,
        labels: ['good first issue', 'help wanted'],
        state: 'opened',
      }),
    ]);
    expect(one.response.headers.get('x-total')).toBe('2');
    const both = await api(
      `${project}/issues?state=opened&labels=${encoded(
        'good first issue,help wanted',
      )}`,
    );
    expect(both.body.map((i: { iid: number }) => i.iid)).toEqual([4]);
  });

  it('answers the last commit of the default branch', async () => {
    const { body } = await api(
      `${project}/repository/commits?ref_name=main&per_page=1`,
    );
    expect(body).toHaveLength(1);
    expect(body[0].id).toMatch(/^[0-9a-f]{40}$/);
    expect(Date.now() - Date.parse(body[0].committed_date)).toBeGreaterThan(
      23 * 3600_000,
    );
  });
});

describe('merge requests and notes', () => {
  const project = `/projects/${encoded('acme/mobile/design-system')}`;

  it('answers the merge requests created after a time, newest first, with authors as GitLab shows them', async () => {
    const since = new Date(Date.now() - 180 * 24 * 3600_000).toISOString();
    const { body } = await api(
      `${project}/merge_requests?state=all&created_after=${since}&order_by=created_at&sort=desc&per_page=100`,
    );
    expect(body.map((m: { iid: number }) => m.iid)).toEqual([8, 7]);
    expect(body[1]).toMatchObject({
      iid: 7,
      state: 'merged',
      web_url: `${fixture.url}/acme/mobile/design-system/-/merge_requests/7`,
      author: { username: 'dalvarez' },
    });
    expect(body[1].merged_at).toEqual(expect.any(String));
    expect(body[0]).toMatchObject({
      state: 'opened',
      merged_at: null,
      author: { username: 'project_12_bot_5c1e4f3a' },
    });
  });

  it('shows a deleted author as the ghost user', async () => {
    const { body } = await api(`${project}/merge_requests?state=all`);
    expect(body.find((m: { iid: number }) => m.iid === 2).author.username).toBe(
      'ghost',
    );
  });

  it('answers the notes oldest first, system notes and the approval note marked system', async () => {
    const { body } = await api(
      `${project}/merge_requests/7/notes?sort=asc&order_by=created_at&per_page=50`,
    );
    expect(
      body.map(
        (n: {
          body: string;
          system: boolean;
          author: { username: string };
        }) => [n.author.username, n.system, n.body],
      ),
    ).toEqual([
      ['dalvarez', false, 'Ready'],
      ['ytanaka', true, 'added 1 commit'],
      ['ytanaka', true, 'approved this merge request'],
    ]);
    const missing = await api(`${project}/merge_requests/99/notes`);
    expect(missing.response.status).toBe(404);
  });
});

describe('rate limits', () => {
  it('sends RateLimit headers on every answer and 429 with Retry-After once the window is spent', async () => {
    await fixture.close();
    fixture = await startGitlabFixture({
      seed,
      limits: { requestsPerPeriod: 2, periodSeconds: 60 },
    });
    const first = await api('/projects/12');
    expect(first.response.headers.get('ratelimit-limit')).toBe('2');
    expect(first.response.headers.get('ratelimit-observed')).toBe('1');
    expect(first.response.headers.get('ratelimit-remaining')).toBe('1');
    const reset = Number(first.response.headers.get('ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    await api('/projects/12');
    const refused = await api('/projects/12');
    expect(refused.response.status).toBe(429);
    expect(refused.body).toEqual({ message: 'Retry later' });
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(
      50,
    );
    expect(refused.response.headers.get('ratelimit-remaining')).toBe('0');
    await api('/projects/12');
    expect(fixture.stats()).toMatchObject({
      rateLimited: 2,
      requestsAfterRateLimit: 1,
    });
  });

  it('stays limited on demand, and recovers when told', async () => {
    fixture.setRateLimited({ resetInSeconds: 3600, staysLimited: true });
    const refused = await api('/projects/12');
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(
      3500,
    );
    fixture.setRateLimited(false);
    expect((await api('/projects/12')).response.status).toBe(200);
  });
});

describe('web pages', () => {
  it('serves escaped pages for projects, issues and merge requests', async () => {
    const issue = await fetch(
      `${fixture.url}/acme/mobile/design-system/-/issues/3`,
    );
    expect(issue.status).toBe(200);
    const html = await issue.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(issue.headers.get('content-security-policy')).toContain(
      "default-src 'none'",
    );
    for (const path of [
      '/acme/mobile/design-system',
      '/acme/mobile/design-system/-/tree/main/',
      '/acme/mobile/design-system/-/merge_requests/7',
    ]) {
      expect((await fetch(`${fixture.url}${path}`)).status).toBe(200);
    }
    expect(
      (await fetch(`${fixture.url}/acme/mobile/design-system/-/issues/99`))
        .status,
    ).toBe(404);
    expect((await fetch(`${fixture.url}/acme/nope`)).status).toBe(404);
  });

  it('redirects a moved project page to its new path', async () => {
    const response = await fetch(
      `${fixture.url}/acme/design-system/-/issues/3`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(
      `${fixture.url}/acme/mobile/design-system/-/issues/3`,
    );
  });
});

describe('the demo seed', () => {
  it('serves every demo project, with bots, the ghost and an unknown author among the merge requests', async () => {
    await fixture.close();
    fixture = await startGitlabFixture({ seed: demoSeed });
    const { body } = await api(
      '/groups/acme/projects?include_subgroups=true&simple=true&archived=false',
    );
    expect(
      body
        .map((p: { path_with_namespace: string }) => p.path_with_namespace)
        .sort(),
    ).toEqual(['acme/data/pipelines', 'acme/mobile/design-system']);
    const authors = new Set<string>();
    for (const project of demoSeed.projects) {
      const answer = await api(
        `/projects/${encoded(
          project.path,
        )}/merge_requests?state=all&per_page=100`,
      );
      for (const mr of answer.body) {
        authors.add(mr.author.username);
      }
    }
    expect([...authors]).toEqual(
      expect.arrayContaining([
        'project_12_bot_5c1e4f3a',
        'group_27_bot_a1b2c3d4',
        'ghost',
        'rgarcia-agency',
      ]),
    );
  });
});
