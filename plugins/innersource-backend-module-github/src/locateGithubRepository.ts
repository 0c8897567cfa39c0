import { Entity } from '@backstage/catalog-model';
import {
  GithubIntegration,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  CodeHostLocation,
  locateFromAnnotations,
} from '@innersource/backstage-plugin-innersource-node';

export const GITHUB_PROVIDER_ID = 'github';
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

// GitHub's own rules: owners are letters, digits and dashes; repository names add dots and underscores.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/** `owner/name` from a repository web URL such as `https://github.com/acme/payments/tree/main/docs`. */
function slugFromPath(url: URL): string | undefined {
  const [owner, name] = url.pathname
    .split('/')
    .filter(Boolean)
    .map(part => decodeURIComponent(part));
  const slug = owner && name ? `${owner}/${name.replace(/\.git$/, '')}` : '';
  return SLUG.test(slug) ? slug : undefined;
}

/**
 * The web address of a repository: `https://<host>/<owner>/<name>`, or
 * `http://` when the integration's API is served over plain http (a local
 * GitHub Enterprise Server or a test double).
 */
export function githubRepositoryUrl(
  integration: GithubIntegration,
  slug: string,
): string {
  const { host, apiBaseUrl } = integration.config;
  const scheme = apiBaseUrl?.startsWith('http://') ? 'http' : 'https';
  return `${scheme}://${host}/${slug}`;
}

/**
 * Where an entity's GitHub repository is: `github.com/project-slug` on the
 * host of the source or managed-by location when that host is configured
 * under `integrations.github` (else github.com), or the repository of a
 * source location on a configured GitHub host. Undefined when nothing points
 * at GitHub. Never throws.
 */
export function locateGithubRepository(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): CodeHostLocation {
  return locateFromAnnotations(entity, {
    integrationsKey: 'github',
    slugAnnotation: PROJECT_SLUG_ANNOTATION,
    slugShape: '"owner/name"',
    slugExample: 'acme/payments-gateway',
    repositoryNoun: 'repository',
    selfHostedName: 'GitHub Enterprise',
    defaultHost: 'github.com',
    tidySlug: value => value.trim(),
    isSlug: slug => SLUG.test(slug),
    integrationFor: host => integrations.github.byHost(host),
    anyIntegrationFor: host => integrations.byHost(host) !== undefined,
    slugFromUrl: slugFromPath,
    repository: (integration, slug) => ({
      provider: GITHUB_PROVIDER_ID,
      host: integration.config.host.toLowerCase(),
      slug,
      url: githubRepositoryUrl(integration, slug),
    }),
  });
}
