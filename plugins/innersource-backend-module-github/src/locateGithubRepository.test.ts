import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { locateGithubRepository } from './locateGithubRepository';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [
        { host: 'github.com', token: 'ghp_public' },
        { host: 'ghe.acme.com', apiBaseUrl: 'https://ghe.acme.com/api/v3' },
        { host: 'ghe.local:8443', apiBaseUrl: 'http://ghe.local:8443/api/v3' },
      ],
      gitlab: [
        {
          host: 'gitlab.acme.com',
          apiBaseUrl: 'https://gitlab.acme.com/api/v4',
        },
      ],
    },
  }),
);

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', annotations },
    spec: { type: 'service', owner: 'group:default/payments' },
  };
}

describe('locateGithubRepository', () => {
  it('reads github.com/project-slug on github.com', () => {
    expect(
      locateGithubRepository(
        component({ 'github.com/project-slug': 'acme/payments-gateway' }),
        integrations,
      ),
    ).toEqual({
      repository: {
        provider: 'github',
        host: 'github.com',
        slug: 'acme/payments-gateway',
        url: 'https://github.com/acme/payments-gateway',
      },
    });
  });

  it('takes the host of the source location when it is a configured GitHub Enterprise host', () => {
    expect(
      locateGithubRepository(
        component({
          'github.com/project-slug': 'payments/gateway',
          'backstage.io/source-location':
            'url:https://ghe.acme.com/payments/gateway/tree/main/',
        }),
        integrations,
      ),
    ).toEqual({
      repository: {
        provider: 'github',
        host: 'ghe.acme.com',
        slug: 'payments/gateway',
        url: 'https://ghe.acme.com/payments/gateway',
      },
    });
  });

  it('takes the host of the managed-by location when the source location says nothing', () => {
    expect(
      locateGithubRepository(
        component({
          'github.com/project-slug': 'payments/gateway',
          'backstage.io/managed-by-location':
            'url:https://ghe.acme.com/platform/catalog/blob/main/all.yaml',
        }),
        integrations,
      ),
    ).toMatchObject({
      repository: { host: 'ghe.acme.com', slug: 'payments/gateway' },
    });
  });

  it('finds the repository in a source location on a configured GitHub host without the annotation', () => {
    expect(
      locateGithubRepository(
        component({
          'backstage.io/source-location':
            'url:https://github.com/acme/ledger.git',
        }),
        integrations,
      ),
    ).toMatchObject({
      repository: { host: 'github.com', slug: 'acme/ledger' },
    });
  });

  it('keeps plain http for a host whose API is served over http', () => {
    expect(
      locateGithubRepository(
        component({
          'backstage.io/source-location':
            'url:http://ghe.local:8443/acme/ledger/tree/main/src',
        }),
        integrations,
      ),
    ).toEqual({
      repository: {
        provider: 'github',
        host: 'ghe.local:8443',
        slug: 'acme/ledger',
        url: 'http://ghe.local:8443/acme/ledger',
      },
    });
  });

  it('says how to write a malformed project slug', () => {
    expect(
      locateGithubRepository(
        component({ 'github.com/project-slug': 'payments-gateway' }),
        integrations,
      ),
    ).toEqual({
      unavailable:
        'github.com/project-slug "payments-gateway" is not "owner/name"; write e.g. "acme/payments-gateway"',
    });
  });

  it('says which host is missing from integrations.github', () => {
    expect(
      locateGithubRepository(
        component({
          'github.com/project-slug': 'payments/gateway',
          'backstage.io/source-location':
            'url:https://git.unknown.example/payments/gateway',
        }),
        integrations,
      ),
    ).toEqual({
      unavailable: expect.stringMatching(
        /^host "git\.unknown\.example" is not configured under integrations\.github/,
      ),
    });
  });

  it('leaves entities that point at no GitHub to other providers', () => {
    expect(
      locateGithubRepository(
        component({
          'backstage.io/source-location':
            'url:https://gitlab.acme.com/payments/gateway',
        }),
        integrations,
      ),
    ).toBeUndefined();
    expect(locateGithubRepository(component({}), integrations)).toBeUndefined();
    expect(
      locateGithubRepository(
        component({ 'backstage.io/source-location': 'file:../payments' }),
        integrations,
      ),
    ).toBeUndefined();
  });

  it('points at the fix when a GitHub source location names no repository', () => {
    expect(
      locateGithubRepository(
        component({
          'backstage.io/source-location': 'url:https://github.com/acme',
        }),
        integrations,
      ),
    ).toEqual({
      unavailable: expect.stringContaining('add github.com/project-slug'),
    });
  });
});
