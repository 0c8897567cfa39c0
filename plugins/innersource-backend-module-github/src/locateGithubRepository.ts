import { Entity } from '@backstage/catalog-model';
import {
  GithubIntegration,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { CodeHostLocation } from '@innersource/backstage-plugin-innersource-node';

export const GITHUB_PROVIDER_ID = 'github';
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION_ANNOTATION = 'backstage.io/managed-by-location';

// GitHub's own rules: owners are letters, digits and dashes; repository names add dots and underscores.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/** The URL of a `url:` location annotation, or undefined for any other kind (`file:`, a malformed value). */
function locationUrl(value: string | undefined): URL | undefined {
  const match = value?.trim().match(/^url:(.+)$/);
  if (!match) {
    return undefined;
  }
  try {
    const url = new URL(match[1]);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

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

function located(integration: GithubIntegration, slug: string) {
  return {
    repository: {
      provider: GITHUB_PROVIDER_ID,
      host: integration.config.host.toLowerCase(),
      slug,
      url: githubRepositoryUrl(integration, slug),
    },
  };
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
  const annotations = entity.metadata.annotations ?? {};
  const source = locationUrl(annotations[SOURCE_LOCATION_ANNOTATION]);
  const managedBy = locationUrl(annotations[MANAGED_BY_LOCATION_ANNOTATION]);
  const githubHostOf = (url: URL | undefined) =>
    url ? integrations.github.byHost(url.host) : undefined;

  const projectSlug = annotations[PROJECT_SLUG_ANNOTATION];
  if (projectSlug !== undefined) {
    const slug = projectSlug.trim();
    if (!SLUG.test(slug)) {
      return {
        unavailable: `${PROJECT_SLUG_ANNOTATION} "${projectSlug}" is not "owner/name"; write e.g. "acme/payments-gateway"`,
      };
    }
    const integration = githubHostOf(source) ?? githubHostOf(managedBy);
    if (integration) {
      return located(integration, slug);
    }
    // The slug names a repository on the source location's host, and no integration of any kind knows that host.
    if (source && !integrations.byHost(source.host)) {
      return {
        unavailable: `host "${source.host}" is not configured under integrations.github; add it (with apiBaseUrl for GitHub Enterprise) to read ${slug}`,
      };
    }
    const githubCom = integrations.github.byHost('github.com');
    return githubCom
      ? located(githubCom, slug)
      : {
          unavailable: `host "github.com" is not configured under integrations.github`,
        };
  }

  const sourceIntegration = githubHostOf(source);
  if (!source || !sourceIntegration) {
    return undefined;
  }
  const slug = slugFromPath(source);
  if (!slug) {
    return {
      unavailable: `${SOURCE_LOCATION_ANNOTATION} "${source.href}" names no repository; add ${PROJECT_SLUG_ANNOTATION}, e.g. "acme/payments-gateway"`,
    };
  }
  return located(sourceIntegration, slug);
}
