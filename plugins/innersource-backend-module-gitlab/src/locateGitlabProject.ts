import { Entity } from '@backstage/catalog-model';
import {
  getGitLabIntegrationRelativePath,
  GitLabIntegration,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { CodeHostLocation } from '@innersource/backstage-plugin-innersource-node';

export const GITLAB_PROVIDER_ID = 'gitlab';
export const PROJECT_SLUG_ANNOTATION = 'gitlab.com/project-slug';
const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION_ANNOTATION = 'backstage.io/managed-by-location';

// GitLab's path rules: letters, digits, `_`, `-` and `.`, not starting with `-` or `.`; groups nest, so any number of segments from two.
const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const PROJECT_PATH = new RegExp(`^${SEGMENT}(/${SEGMENT})+$`);

/** Whether `path` is a GitLab project path: `group/project`, subgroups allowed. */
export function isGitlabProjectPath(path: string): boolean {
  return PROJECT_PATH.test(path) && !/\.(git|atom)$/.test(path);
}

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

/**
 * The project path of a GitLab web URL such as
 * `https://gitlab.com/acme/payments/ledger/-/tree/main/docs`: everything
 * before GitLab's `/-/` separator, less the integration's relative path
 * (a self-managed GitLab served under `/gitlab`) and a trailing `.git`.
 */
function projectPathFromUrl(
  url: URL,
  integration: GitLabIntegration,
): string | undefined {
  let path = url.pathname.split('/-/')[0];
  const relative = getGitLabIntegrationRelativePath(integration.config);
  if (relative) {
    if (!path.startsWith(`${relative}/`)) {
      return undefined;
    }
    path = path.slice(relative.length);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const candidate = decoded
    .split('/')
    .filter(Boolean)
    .join('/')
    .replace(/\.git$/, '');
  return isGitlabProjectPath(candidate) ? candidate : undefined;
}

/**
 * The web address of a project: the integration's `baseUrl` and the path.
 * Backstage defaults `baseUrl` to `https://<host>`; when the API is served
 * over plain http (a local GitLab or a test double) and no `baseUrl` was
 * given, the web pages are too.
 */
export function gitlabProjectUrl(
  integration: GitLabIntegration,
  path: string,
): string {
  const { host, baseUrl, apiBaseUrl } = integration.config;
  const base =
    baseUrl === `https://${host}` && apiBaseUrl.startsWith('http://')
      ? `http://${host}`
      : baseUrl;
  return `${base}/${path}`;
}

function located(integration: GitLabIntegration, path: string) {
  return {
    repository: {
      provider: GITLAB_PROVIDER_ID,
      host: integration.config.host.toLowerCase(),
      slug: path,
      url: gitlabProjectUrl(integration, path),
    },
  };
}

/**
 * Where an entity's GitLab project is: `gitlab.com/project-slug` on the host
 * of the source or managed-by location when that host is configured under
 * `integrations.gitlab` (else gitlab.com), or the project of a source
 * location on a configured GitLab host. Undefined when nothing points at
 * GitLab. Never throws.
 */
export function locateGitlabProject(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): CodeHostLocation {
  const annotations = entity.metadata.annotations ?? {};
  const source = locationUrl(annotations[SOURCE_LOCATION_ANNOTATION]);
  const managedBy = locationUrl(annotations[MANAGED_BY_LOCATION_ANNOTATION]);
  const gitlabHostOf = (url: URL | undefined) =>
    url ? integrations.gitlab.byHost(url.host) : undefined;

  const projectSlug = annotations[PROJECT_SLUG_ANNOTATION];
  if (projectSlug !== undefined) {
    const slug = projectSlug.trim().replace(/^\/+|\/+$/g, '');
    if (!isGitlabProjectPath(slug)) {
      return {
        unavailable: `${PROJECT_SLUG_ANNOTATION} "${projectSlug}" is not "group/project" (subgroups allowed); write e.g. "acme/payments/ledger"`,
      };
    }
    const integration = gitlabHostOf(source) ?? gitlabHostOf(managedBy);
    if (integration) {
      return located(integration, slug);
    }
    // The slug names a project on the source location's host, and no integration of any kind knows that host.
    if (source && !integrations.byHost(source.host)) {
      return {
        unavailable: `host "${source.host}" is not configured under integrations.gitlab; add it (with apiBaseUrl for a self-managed GitLab) to read ${slug}`,
      };
    }
    // Backstage always configures gitlab.com, anonymously when it has no token.
    const gitlabCom = integrations.gitlab.byHost('gitlab.com');
    return gitlabCom
      ? located(gitlabCom, slug)
      : {
          unavailable: `host "gitlab.com" is not configured under integrations.gitlab`,
        };
  }

  const sourceIntegration = gitlabHostOf(source);
  if (!source || !sourceIntegration) {
    return undefined;
  }
  const path = projectPathFromUrl(source, sourceIntegration);
  if (!path) {
    return {
      unavailable: `${SOURCE_LOCATION_ANNOTATION} "${source.href}" names no GitLab project; add ${PROJECT_SLUG_ANNOTATION}, e.g. "acme/payments/ledger"`,
    };
  }
  return located(sourceIntegration, path);
}
