import { generateKeyPairSync } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultGithubCredentialsProvider } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GithubFactsProvider } from './GithubFactsProvider';
import { FakeGithub } from './__testUtils__/FakeGithub';
import { readAll, readRequest } from './__testUtils__/readHelpers';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** GitHub's App endpoints: one installation per organisation, a token per installation. */
const installations = [
  { id: 11, account: { login: 'acme' } },
  { id: 22, account: { login: 'globex' } },
];
const appHandlers = [
  http.get('https://api.github.com/app/installations', () =>
    HttpResponse.json(
      installations.map(installation => ({
        ...installation,
        suspended_at: null,
        repository_selection: 'all',
      })),
    ),
  ),
  http.post(
    'https://api.github.com/app/installations/:id/access_tokens',
    ({ params }) => {
      const installation = installations.find(
        candidate => String(candidate.id) === params.id,
      );
      return HttpResponse.json(
        {
          token: `ghs_${installation?.account.login}`,
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          repository_selection: 'all',
        },
        { status: 201 },
      );
    },
  ),
];

function appProvider() {
  return GithubFactsProvider.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          {
            host: 'github.com',
            apps: [
              {
                appId: 1,
                privateKey,
                clientId: 'Iv1.test',
                clientSecret: 'secret',
                webhookSecret: 'secret',
              },
            ],
          },
        ],
      },
    }),
    { logger: mockServices.logger.mock() },
  );
}

const server = setupServer();
let github: FakeGithub;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  github = new FakeGithub();
  server.resetHandlers(...appHandlers, ...github.handlers());
});
afterEach(() => jest.restoreAllMocks());

describe('credentials', () => {
  it('asks Backstage for credentials per repository URL and sends each owner’s GitHub App installation token', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/payments' })
      .addRepository({ nameWithOwner: 'globex/ledger' });
    const getCredentials = jest.spyOn(
      DefaultGithubCredentialsProvider.prototype,
      'getCredentials',
    );
    const provider = appProvider();
    const requests = [
      readRequest('acme/payments'),
      readRequest('globex/ledger'),
    ];

    const results = await readAll(provider, requests);

    expect(getCredentials.mock.calls.map(([options]) => options.url)).toEqual([
      'https://github.com/acme/payments',
      'https://github.com/globex/ledger',
    ]);
    expect([...results.values()].map(result => result.outcome)).toEqual([
      'read',
      'read',
    ]);
    expect(
      github.requests.map(request => [
        new URL(request.url).pathname,
        request.authorization,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['/graphql', 'Bearer ghs_acme'],
        ['/graphql', 'Bearer ghs_globex'],
      ]),
    );
  });

  it('asks one change-detection query per token, since a query carries one', async () => {
    github
      .addRepository({ nameWithOwner: 'acme/payments' })
      .addRepository({ nameWithOwner: 'globex/ledger' });
    const provider = appProvider();
    const requests = [
      readRequest('acme/payments'),
      readRequest('globex/ledger'),
    ];
    const cold = await readAll(provider, requests);
    github.requests.length = 0;

    const warm = await readAll(
      provider,
      requests.map(request => ({
        ...request,
        previous: {
          readAt: new Date().toISOString(),
          changeToken: (cold.get(request.key) as { changeToken: string })
            .changeToken,
          issueLabels: request.issueLabels,
          windowDays: request.windowDays,
        },
      })),
    );

    expect([...warm.values()].map(result => result.outcome)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(
      github.requests.map(request => [
        request.operation,
        request.authorization,
      ]),
    ).toEqual([
      ['RepositoryChanges', 'Bearer ghs_acme'],
      ['RepositoryChanges', 'Bearer ghs_globex'],
    ]);
  });

  it('says which repository has no credentials when the GitHub App is not installed on its owner', async () => {
    const provider = appProvider();
    const request = readRequest('initech/tps');

    const results = await readAll(provider, [request]);

    expect(results.get(request.key)).toEqual({
      outcome: 'failed',
      reason: expect.stringMatching(
        /^No GitHub credentials for initech\/tps: .*; install the GitHub App on initech or set integrations\.github\[\]\.token for github\.com$/,
      ),
    });
    expect(github.requests).toHaveLength(0);
  });
});
