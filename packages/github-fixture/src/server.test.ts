import { FixtureSeed, materializeSeed } from './seed';
import { GithubFixture, startGithubFixture } from './server';

const seed: FixtureSeed = {
  repositories: [
    {
      owner: 'acme',
      name: 'payments-gateway',
      previousNames: ['payments-gw'],
      pushedDaysAgo: 1,
      files: {
        'README.md': '# Payments\n',
        '.github/CODEOWNERS': '* @acme/payments\n',
      },
      license: { spdxId: 'MIT', name: 'MIT License' },
      issues: [
        {
          number: 12,
          title: 'Add <b>Klarna</b>',
          labels: ['Good First Issue'],
          openedDaysAgo: 3,
        },
        { number: 13, title: 'Unlabelled', openedDaysAgo: 2 },
        {
          number: 9,
          title: 'Closed',
          labels: ['good first issue'],
          openedDaysAgo: 9,
          closed: true,
        },
      ],
      pullRequests: [
        {
          number: 41,
          title: 'Passkeys',
          author: 'priyan',
          openedDaysAgo: 5,
          reviews: [{ author: 'janedoe', afterHours: 3 }],
          mergedAfterHours: 30,
        },
        {
          number: 42,
          title: 'Bump a dependency',
          author: 'dependabot[bot]',
          openedDaysAgo: 2,
        },
      ],
    },
  ],
};

let fixture: GithubFixture;

beforeEach(async () => {
  fixture = await startGithubFixture({
    seed,
    limits: { graphqlPointsPerHour: 3, restRequestsPerHour: 3 },
  });
});

afterEach(() => fixture.close());

async function graphql(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${fixture.url}/api/graphql`, {
    method: 'POST',
    headers: { authorization: 'token demo-fixture-token' },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: await response.json() };
}

const FACTS = `
  query($owner: String!, $name: String!, $labels: [String!]) {
    r0: repository(owner: $owner, name: $name) { ...facts }
    rateLimit { cost remaining limit used resetAt }
  }
  fragment facts on Repository {
    nameWithOwner
    isArchived
    defaultBranchRef { name target { ... on Commit { committedDate oid } } }
    readme: object(expression: "HEAD:README.md") { ... on Blob { byteSize } }
    github: object(expression: "HEAD:.github") { ... on Tree { entries { name type path } } }
    licenseInfo { spdxId }
    issues(first: 5, states: OPEN, labels: $labels, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      nodes { title url labels(first: 10) { nodes { name } } }
    }
    pullRequests(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number mergedAt
        author { __typename login }
        reviews(first: 10) { nodes { author { login } submittedAt } }
      }
    }
  }`;

describe('the demo GitHub fixture', () => {
  it('validates a query against GitHub’s schema and answers it from the seed', async () => {
    const { response, body } = await graphql(FACTS, {
      owner: 'acme',
      name: 'payments-gateway',
      labels: ['good first issue'],
    });
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    const repo = body.data.r0;
    expect(repo.nameWithOwner).toBe('acme/payments-gateway');
    expect(repo.readme.byteSize).toBe(11);
    expect(repo.github.entries).toEqual([
      { name: 'CODEOWNERS', type: 'blob', path: '.github/CODEOWNERS' },
    ]);
    expect(repo.licenseInfo.spdxId).toBe('MIT');
    expect(repo.issues.totalCount).toBe(1);
    expect(repo.issues.nodes[0]).toEqual({
      title: 'Add <b>Klarna</b>',
      url: `${fixture.url}/acme/payments-gateway/issues/12`,
      labels: { nodes: [{ name: 'Good First Issue' }] },
    });
    expect(repo.pullRequests.nodes.map((pr: any) => pr.author)).toEqual([
      { __typename: 'Bot', login: 'dependabot' },
      { __typename: 'User', login: 'priyan' },
    ]);
    expect(repo.pullRequests.nodes[1].reviews.nodes[0].author.login).toBe(
      'janedoe',
    );
    expect(body.data.rateLimit).toMatchObject({
      cost: 1,
      limit: 3,
      used: 1,
      remaining: 2,
    });
    expect(response.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('searches issues and pull requests by owner, repository, kind and update time, paged like GitHub, for one point a page', async () => {
    const SEARCH = `query($q: String!, $after: String) {
      search(type: ISSUE, query: $q, first: 2, after: $after) {
        issueCount
        pageInfo { hasNextPage endCursor }
        nodes {
          ... on Issue { __typename number updatedAt repository { nameWithOwner } }
          ... on PullRequest { __typename number updatedAt repository { nameWithOwner } }
        }
      }
      rateLimit { cost }
    }`;
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    const q = `user:acme updated:>=${fourDaysAgo} sort:updated-asc`;
    const first = await graphql(SEARCH, { q });
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data.search;
    // PR 41 (last reviewed and merged 3.75 days ago), issue 12 (3 days), then issue 13 and PR 42 (2 days); closed issue 9 is older.
    expect(page.issueCount).toBe(4);
    expect(page.nodes.map((n: any) => [n.__typename, n.number])).toEqual([
      ['PullRequest', 41],
      ['Issue', 12],
    ]);
    expect(page.nodes[0].repository.nameWithOwner).toBe(
      'acme/payments-gateway',
    );
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(first.body.data.rateLimit.cost).toBe(1);

    const second = await graphql(SEARCH, {
      q,
      after: page.pageInfo.endCursor,
    });
    expect(
      second.body.data.search.nodes.map((n: any) => n.number).sort(),
    ).toEqual([13, 42]);
    expect(second.body.data.search.pageInfo.hasNextPage).toBe(false);

    const pullRequestsOnly = await graphql(SEARCH, {
      q: `org:acme repo:acme/payments-gateway is:pr updated:>=${fourDaysAgo}`,
    });
    expect(
      pullRequestsOnly.body.data.search.nodes.map((n: any) => n.number),
    ).toEqual([42, 41]);
    expect(fixture.stats().graphqlPoints).toBe(3);
  });

  it('leaves out what a seed places after the start: it has not happened yet', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const [repo] = materializeSeed(
      {
        repositories: [
          {
            owner: 'acme',
            name: 'young',
            pushedDaysAgo: 1,
            pullRequests: [
              {
                number: 1,
                title: 'Opened two days ago, merged 70 hours after',
                author: 'sam',
                openedDaysAgo: 2,
                mergedAfterHours: 70,
                comments: [
                  { author: 'lee', afterHours: 3 },
                  { author: 'kim', afterHours: 60 },
                ],
              },
            ],
          },
        ],
      },
      now,
    );
    const [pr] = repo.pullRequests;
    expect(pr.mergedAt).toBeNull();
    expect(pr.closedAt).toBeNull();
    expect(pr.comments.map(c => c.author?.login)).toEqual(['lee']);
    expect(pr.updatedAt).toBe('2026-05-30T15:00:00.000Z');
  });

  it('refuses a search term it does not answer rather than pretend', async () => {
    const { body } = await graphql(
      '{ search(type: ISSUE, query: "user:acme label:bug", first: 10) { issueCount } }',
    );
    expect(body.data).toBeNull();
    expect(body.errors[0].message).toBe(
      'The demo GitHub fixture does not answer the search term "label:bug"',
    );
    const other = await graphql(
      '{ search(type: ISSUE, query: "user:nobody", first: 10) { issueCount } }',
    );
    expect(other.body.data.search.issueCount).toBe(0);
  });

  it('answers an unknown repository as GitHub does', async () => {
    const { body } = await graphql(
      '{ r0: repository(owner: "acme", name: "x") { name } }',
    );
    expect(body).toEqual({
      data: { r0: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['r0'],
          locations: [{ line: 1, column: 3 }],
          message: "Could not resolve to a Repository with the name 'acme/x'.",
        },
      ],
    });
  });

  it('rejects a field GitHub’s schema does not have, worded like GitHub', async () => {
    const { response, body } = await graphql(
      '{ repository(owner: "acme", name: "payments-gateway") { stars } }',
    );
    expect(response.status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'stars' doesn't exist on type 'Repository'",
        extensions: {
          code: 'undefinedField',
          typeName: 'Repository',
          fieldName: 'stars',
        },
      }),
    ]);
    expect(fixture.stats().graphqlPoints).toBe(0);
  });

  it('answers 403 RATE_LIMITED with the reset time once the hour’s points are spent', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await graphql('{ rateLimit { remaining } }')).response.status,
      ).toBe(200);
    }
    const { response, body } = await graphql('{ rateLimit { remaining } }');
    expect(response.status).toBe(403);
    expect(body.errors[0].type).toBe('RATE_LIMITED');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now() + 3500_000);
    expect(fixture.stats()).toMatchObject({
      graphqlRequests: 4,
      graphqlPoints: 3,
      rateLimited: 1,
    });
  });

  it('can be told to answer like an exhausted token until a given reset', async () => {
    fixture.setRateLimited({ resetInSeconds: 60 });
    const rest = await fetch(
      `${fixture.apiBaseUrl}/repos/acme/payments-gateway`,
    );
    expect(rest.status).toBe(403);
    expect((await rest.json()).message).toMatch(/^API rate limit exceeded/);
    const reset = Number(rest.headers.get('x-ratelimit-reset')) * 1000;
    expect(reset).toBeGreaterThan(Date.now() + 55_000);
    expect(reset).toBeLessThan(Date.now() + 65_000);
    expect((await graphql('{ rateLimit { remaining } }')).response.status).toBe(
      403,
    );
    fixture.setRateLimited(false);
    expect((await graphql('{ rateLimit { remaining } }')).response.status).toBe(
      200,
    );
  });

  it('answers a secondary rate limit with retry-after', async () => {
    fixture.setRateLimited({ resetInSeconds: 30, secondary: true });
    const { response, body } = await graphql('{ rateLimit { remaining } }');
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(body.message).toMatch(/secondary rate limit/);
  });

  it('answers 304 for a matching ETag without charging, and a new ETag after a push', async () => {
    const first = await fetch(
      `${fixture.apiBaseUrl}/repos/acme/payments-gateway`,
    );
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await first.json()).toMatchObject({
      full_name: 'acme/payments-gateway',
      default_branch: 'main',
      license: { spdx_id: 'MIT' },
    });
    const again = await fetch(
      `${fixture.apiBaseUrl}/repos/acme/payments-gateway`,
      {
        headers: { 'if-none-match': etag },
      },
    );
    expect(again.status).toBe(304);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(fixture.stats().notModified).toBe(1);

    fixture.push('acme/payments-gateway');
    const changed = await fetch(
      `${fixture.apiBaseUrl}/repos/acme/payments-gateway`,
      {
        headers: { 'if-none-match': etag },
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers a renamed repository with 301 to its id, which answers the repository', async () => {
    const moved = await fetch(`${fixture.apiBaseUrl}/repos/acme/payments-gw`, {
      redirect: 'manual',
    });
    expect(moved.status).toBe(301);
    const location = moved.headers.get('location')!;
    expect(location).toMatch(/\/api\/v3\/repositories\/\d+$/);
    const followed = await fetch(location);
    expect((await followed.json()).full_name).toBe('acme/payments-gateway');

    const { body } = await graphql(
      '{ repository(owner: "acme", name: "payments-gw") { nameWithOwner } }',
    );
    expect(body.data.repository.nameWithOwner).toBe('acme/payments-gateway');
  });

  it('serves escaped web pages for the links the demo shows', async () => {
    const page = await fetch(`${fixture.url}/acme/payments-gateway/issues/12`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain(
      'Demo GitHub fixture — acme/payments-gateway issue #12: Add &lt;b&gt;Klarna&lt;/b&gt;',
    );
    expect(text).not.toContain('<b>Klarna');
    expect((await fetch(`${fixture.url}/acme/nope`)).status).toBe(404);
  });
});
