import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { innersourceCodeHostExtensionPoint } from '@innersource/backstage-plugin-innersource-node';
import { GithubFactsProvider } from './GithubFactsProvider';
import { innersourceModuleGithub } from './module';

describe('innersourceModuleGithub', () => {
  it('adds the GitHub provider to the InnerSource code-host extension point', async () => {
    const addProvider = jest.fn();
    await startTestBackend({
      extensionPoints: [[innersourceCodeHostExtensionPoint, { addProvider }]],
      features: [
        innersourceModuleGithub,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: 'ghe.acme.com',
                  apiBaseUrl: 'https://ghe.acme.com/api/v3',
                  token: 'ghe_token',
                },
              ],
            },
            innersource: { github: { concurrencyPerHost: 1 } },
          },
        }),
      ],
    });

    expect(addProvider).toHaveBeenCalledTimes(1);
    const provider = addProvider.mock.calls[0][0];
    expect(provider).toBeInstanceOf(GithubFactsProvider);
    expect(provider.id).toBe('github');
    expect(provider.userLoginAnnotation).toBe('github.com/user-login');
    expect(
      provider.locate({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'gateway',
          annotations: {
            'github.com/project-slug': 'payments/gateway',
            'backstage.io/source-location':
              'url:https://ghe.acme.com/payments/gateway',
          },
        },
      }),
    ).toMatchObject({
      repository: { host: 'ghe.acme.com', slug: 'payments/gateway' },
    });
  });

  it('refuses settings outside their range', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [innersourceCodeHostExtensionPoint, { addProvider: jest.fn() }],
        ],
        features: [
          innersourceModuleGithub,
          mockServices.rootConfig.factory({
            data: { innersource: { github: { pullRequestPageSize: 500 } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /pullRequestPageSize must be a whole number from 1 to 100/,
    );
  });
});
