import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AnnotationLocating,
  locateFromAnnotations,
  locateWithoutThrowing,
  locationAnnotationUrl,
} from './locateFromAnnotations';

type Integration = { host: string };

/** A kind of host configured for `hosts`; `others` are hosts of another kind of integration. */
function locating(
  hosts: string[],
  others: string[] = [],
): AnnotationLocating<Integration> {
  return {
    integrationsKey: 'example',
    slugAnnotation: 'example.com/project-slug',
    slugShape: '"owner/name"',
    slugExample: 'acme/payments',
    repositoryNoun: 'repository',
    selfHostedName: 'Example Server',
    defaultHost: 'example.com',
    tidySlug: value => value.trim(),
    isSlug: slug => /^[\w.-]+\/[\w.-]+$/.test(slug),
    integrationFor: host => (hosts.includes(host) ? { host } : undefined),
    anyIntegrationFor: host => hosts.includes(host) || others.includes(host),
    slugFromUrl: url => {
      const [owner, name] = url.pathname.split('/').filter(Boolean);
      return owner && name ? `${owner}/${name}` : undefined;
    },
    repository: (integration, slug) => ({
      provider: 'example',
      host: integration.host,
      slug,
      url: `https://${integration.host}/${slug}`,
    }),
  };
}

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', annotations },
  };
}

describe('locationAnnotationUrl', () => {
  it('answers the URL of an http(s) url: location and nothing for other kinds', () => {
    expect(
      locationAnnotationUrl(' url:https://git.acme.com/a/b/tree/main ')?.host,
    ).toBe('git.acme.com');
    expect(locationAnnotationUrl('file:../catalog-info.yaml')).toBeUndefined();
    expect(locationAnnotationUrl('url:ftp://git.acme.com/a/b')).toBeUndefined();
    expect(locationAnnotationUrl('url:not a url')).toBeUndefined();
    expect(locationAnnotationUrl(undefined)).toBeUndefined();
  });
});

describe('locateFromAnnotations', () => {
  it('puts the slug on the host of the source location when that host is configured', () => {
    expect(
      locateFromAnnotations(
        entity({
          'example.com/project-slug': ' acme/payments ',
          'backstage.io/source-location': 'url:https://git.acme.com/x/y',
        }),
        locating(['example.com', 'git.acme.com']),
      ),
    ).toEqual({
      repository: {
        provider: 'example',
        host: 'git.acme.com',
        slug: 'acme/payments',
        url: 'https://git.acme.com/acme/payments',
      },
    });
  });

  it('else on the host of the managed-by location, else on the default host', () => {
    const managed = entity({
      'example.com/project-slug': 'acme/payments',
      'backstage.io/managed-by-location':
        'url:https://git.acme.com/x/y/catalog-info.yaml',
    });
    expect(
      locateFromAnnotations(managed, locating(['example.com', 'git.acme.com'])),
    ).toMatchObject({ repository: { host: 'git.acme.com' } });
    expect(
      locateFromAnnotations(managed, locating(['example.com'])),
    ).toMatchObject({ repository: { host: 'example.com' } });
  });

  it('is unavailable, with the fix, for a malformed slug, an unknown source host or no default host', () => {
    expect(
      locateFromAnnotations(
        entity({ 'example.com/project-slug': 'payments' }),
        locating(['example.com']),
      ),
    ).toEqual({
      unavailable:
        'example.com/project-slug "payments" is not "owner/name"; write e.g. "acme/payments"',
    });
    expect(
      locateFromAnnotations(
        entity({
          'example.com/project-slug': 'acme/payments',
          'backstage.io/source-location': 'url:https://git.acme.com/x/y',
        }),
        locating(['example.com']),
      ),
    ).toEqual({
      unavailable:
        'host "git.acme.com" is not configured under integrations.example; add it (with apiBaseUrl for Example Server) to read acme/payments',
    });
    expect(
      locateFromAnnotations(
        entity({ 'example.com/project-slug': 'acme/payments' }),
        locating([]),
      ),
    ).toEqual({
      unavailable:
        'host "example.com" is not configured under integrations.example',
    });
  });

  it('puts the slug on the default host when the source location is on a host of another kind', () => {
    expect(
      locateFromAnnotations(
        entity({
          'example.com/project-slug': 'acme/payments',
          'backstage.io/source-location': 'url:https://other.acme.com/x/y',
        }),
        locating(['example.com'], ['other.acme.com']),
      ),
    ).toMatchObject({ repository: { host: 'example.com' } });
  });

  it('reads the repository of a source location on a configured host, and nothing from other hosts', () => {
    const configured = locating(['git.acme.com']);
    expect(
      locateFromAnnotations(
        entity({
          'backstage.io/source-location':
            'url:https://git.acme.com/acme/ledger/',
        }),
        configured,
      ),
    ).toMatchObject({ repository: { slug: 'acme/ledger' } });
    expect(
      locateFromAnnotations(
        entity({ 'backstage.io/source-location': 'url:https://git.acme.com/' }),
        configured,
      ),
    ).toEqual({
      unavailable:
        'backstage.io/source-location "https://git.acme.com/" names no repository; add example.com/project-slug, e.g. "acme/payments"',
    });
    expect(
      locateFromAnnotations(
        entity({
          'backstage.io/source-location': 'url:https://elsewhere.com/a/b',
        }),
        configured,
      ),
    ).toBeUndefined();
    expect(locateFromAnnotations(entity({}), configured)).toBeUndefined();
  });
});

describe('locateWithoutThrowing', () => {
  it('answers undefined and logs at debug level when locating throws', () => {
    const logger = mockServices.logger.mock();
    expect(
      locateWithoutThrowing(entity({}), {
        what: 'Example repository',
        logger,
        locate: () => {
          throw new URIError('URI malformed');
        },
      }),
    ).toBeUndefined();
    expect(logger.debug).toHaveBeenCalledWith(
      'Could not locate the Example repository of payments: URIError: URI malformed',
    );
  });
});
