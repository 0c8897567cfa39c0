import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { innersourceCodeHostExtensionPoint } from '@innersource/backstage-plugin-innersource-node';
import { GitlabFactsProvider } from './GitlabFactsProvider';
import { innersourceModuleGitlab } from './module';

describe('innersourceModuleGitlab', () => {
  it('adds the GitLab provider to the InnerSource code-host extension point', async () => {
    const addProvider = jest.fn();
    await startTestBackend({
      extensionPoints: [[innersourceCodeHostExtensionPoint, { addProvider }]],
      features: [
        innersourceModuleGitlab,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitlab: [
                {
                  host: 'gitlab.acme.com',
                  apiBaseUrl: 'https://gitlab.acme.com/api/v4',
                  token: 'glpat-acme',
                },
              ],
            },
            innersource: { gitlab: { concurrencyPerHost: 1 } },
          },
        }),
      ],
    });

    expect(addProvider).toHaveBeenCalledTimes(1);
    const provider = addProvider.mock.calls[0][0];
    expect(provider).toBeInstanceOf(GitlabFactsProvider);
    expect(provider.id).toBe('gitlab');
    expect(provider.userLoginAnnotation).toBe('gitlab.com/user-login');
    expect(
      provider.locate({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'ledger',
          annotations: {
            'gitlab.com/project-slug': 'payments/core/ledger',
            'backstage.io/source-location':
              'url:https://gitlab.acme.com/payments/core/ledger/-/tree/main',
          },
        },
      }),
    ).toMatchObject({
      repository: { host: 'gitlab.acme.com', slug: 'payments/core/ledger' },
    });
  });

  it('refuses settings outside their range', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [innersourceCodeHostExtensionPoint, { addProvider: jest.fn() }],
        ],
        features: [
          innersourceModuleGitlab,
          mockServices.rootConfig.factory({
            data: { innersource: { gitlab: { mergeRequestPageSize: 500 } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /innersource\.gitlab\.mergeRequestPageSize must be a whole number from 1 to 100/,
    );
  });
});
