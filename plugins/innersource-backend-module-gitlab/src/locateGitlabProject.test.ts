import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { locateGitlabProject } from './locateGitlabProject';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      gitlab: [
        { host: 'gitlab.com', token: 'glpat-public' },
        {
          host: 'gitlab.acme.com',
          apiBaseUrl: 'https://gitlab.acme.com/api/v4',
          token: 'glpat-acme',
        },
        {
          host: 'code.acme.org',
          apiBaseUrl: 'https://code.acme.org/gitlab/api/v4',
          baseUrl: 'https://code.acme.org/gitlab',
        },
        { host: 'localhost:7010', apiBaseUrl: 'http://localhost:7010/api/v4' },
      ],
      github: [{ host: 'github.com' }],
    },
  }),
);

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'design-system', annotations },
    spec: { type: 'library', owner: 'group:default/mobile' },
  };
}

describe('locateGitlabProject', () => {
  it('reads gitlab.com/project-slug with subgroups on gitlab.com', () => {
    expect(
      locateGitlabProject(
        component({ 'gitlab.com/project-slug': 'acme/mobile/design-system' }),
        integrations,
      ),
    ).toEqual({
      repository: {
        provider: 'gitlab',
        host: 'gitlab.com',
        slug: 'acme/mobile/design-system',
        url: 'https://gitlab.com/acme/mobile/design-system',
      },
    });
  });

  it('takes the host of the source location when it is a configured self-managed GitLab', () => {
    expect(
      locateGitlabProject(
        component({
          'gitlab.com/project-slug': 'payments/ledger',
          'backstage.io/source-location':
            'url:https://gitlab.acme.com/payments/ledger/-/tree/main/',
        }),
        integrations,
      ),
    ).toEqual({
      repository: {
        provider: 'gitlab',
        host: 'gitlab.acme.com',
        slug: 'payments/ledger',
        url: 'https://gitlab.acme.com/payments/ledger',
      },
    });
  });

  it('takes the host of the managed-by location when the source location says nothing', () => {
    expect(
      locateGitlabProject(
        component({
          'gitlab.com/project-slug': 'payments/ledger',
          'backstage.io/managed-by-location':
            'url:https://gitlab.acme.com/payments/ledger/-/blob/main/catalog-info.yaml',
        }),
        integrations,
      ),
    ).toMatchObject({
      repository: { host: 'gitlab.acme.com', slug: 'payments/ledger' },
    });
  });

  it('finds the project in a source location with /-/tree/main on a configured GitLab host without the annotation', () => {
    expect(
      locateGitlabProject(
        component({
          'backstage.io/source-location':
            'url:https://gitlab.com/acme/mobile/design-system/-/tree/main/packages/tokens',
        }),
        integrations,
      ),
    ).toEqual({
      repository: {
        provider: 'gitlab',
        host: 'gitlab.com',
        slug: 'acme/mobile/design-system',
        url: 'https://gitlab.com/acme/mobile/design-system',
      },
    });
  });

  it('leaves out the relative path of a GitLab served under a sub-path, and keeps http for an API over http', () => {
    expect(
      locateGitlabProject(
        component({
          'backstage.io/source-location':
            'url:https://code.acme.org/gitlab/tools/cli.git',
        }),
        integrations,
      ),
    ).toMatchObject({
      repository: {
        host: 'code.acme.org',
        slug: 'tools/cli',
        url: 'https://code.acme.org/gitlab/tools/cli',
      },
    });
    expect(
      locateGitlabProject(
        component({
          'gitlab.com/project-slug': 'acme/payments',
          'backstage.io/source-location':
            'url:http://localhost:7010/acme/payments/-/blob/main/README.md',
        }),
        integrations,
      ),
    ).toMatchObject({
      repository: {
        host: 'localhost:7010',
        url: 'http://localhost:7010/acme/payments',
      },
    });
  });

  it('says how to write a malformed project slug', () => {
    for (const slug of ['ledger', 'acme/', '-acme/ledger', 'acme/led ger']) {
      expect(
        locateGitlabProject(
          component({ 'gitlab.com/project-slug': slug }),
          integrations,
        ),
      ).toEqual({
        unavailable: `gitlab.com/project-slug "${slug}" is not "group/project" (subgroups allowed); write e.g. "acme/payments/ledger"`,
      });
    }
  });

  it('says which host is missing from integrations.gitlab', () => {
    expect(
      locateGitlabProject(
        component({
          'gitlab.com/project-slug': 'payments/ledger',
          'backstage.io/source-location':
            'url:https://git.example.net/payments/ledger/-/tree/main',
        }),
        integrations,
      ),
    ).toEqual({
      unavailable:
        'host "git.example.net" is not configured under integrations.gitlab; add it (with apiBaseUrl for a self-managed GitLab) to read payments/ledger',
    });
  });

  it('leaves entities that point at no GitLab to other providers', () => {
    expect(
      locateGitlabProject(
        component({
          'github.com/project-slug': 'acme/payments',
          'backstage.io/source-location':
            'url:https://github.com/acme/payments/tree/main/',
        }),
        integrations,
      ),
    ).toBeUndefined();
    expect(locateGitlabProject(component({}), integrations)).toBeUndefined();
    expect(
      locateGitlabProject(
        component({
          'backstage.io/source-location': 'file:./catalog-info.yaml',
        }),
        integrations,
      ),
    ).toBeUndefined();
  });

  it('points at the fix when a GitLab source location names no project', () => {
    expect(
      locateGitlabProject(
        component({
          'backstage.io/source-location': 'url:https://gitlab.com/acme',
        }),
        integrations,
      ),
    ).toEqual({
      unavailable:
        'backstage.io/source-location "https://gitlab.com/acme" names no GitLab project; add gitlab.com/project-slug, e.g. "acme/payments/ledger"',
    });
  });
});
