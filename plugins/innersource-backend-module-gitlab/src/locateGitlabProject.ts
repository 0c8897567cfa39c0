import { Entity } from '@backstage/catalog-model';
import {
  getGitLabIntegrationRelativePath,
  GitLabIntegration,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  CodeHostLocation,
  locateFromAnnotations,
} from '@innersource/backstage-plugin-innersource-node';

export const GITLAB_PROVIDER_ID = 'gitlab';
export const PROJECT_SLUG_ANNOTATION = 'gitlab.com/project-slug';

// GitLab's path rules: letters, digits, `_`, `-` and `.`, not starting with `-` or `.`; groups nest, so any number of segments from two.
const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const PROJECT_PATH = new RegExp(`^${SEGMENT}(/${SEGMENT})+$`);

/** Whether `path` is a GitLab project path: `group/project`, subgroups allowed. */
export function isGitlabProjectPath(path: string): boolean {
  return PROJECT_PATH.test(path) && !/\.(git|atom)$/.test(path);
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
  return locateFromAnnotations(entity, {
    integrationsKey: 'gitlab',
    slugAnnotation: PROJECT_SLUG_ANNOTATION,
    slugShape: '"group/project" (subgroups allowed)',
    slugExample: 'acme/payments/ledger',
    repositoryNoun: 'GitLab project',
    selfHostedName: 'a self-managed GitLab',
    // Backstage always configures gitlab.com, anonymously when it has no token.
    defaultHost: 'gitlab.com',
    tidySlug: value => value.trim().replace(/^\/+|\/+$/g, ''),
    isSlug: isGitlabProjectPath,
    integrationFor: host => integrations.gitlab.byHost(host),
    anyIntegrationFor: host => integrations.byHost(host) !== undefined,
    slugFromUrl: projectPathFromUrl,
    repository: (integration, path) => ({
      provider: GITLAB_PROVIDER_ID,
      host: integration.config.host.toLowerCase(),
      slug: path,
      url: gitlabProjectUrl(integration, path),
    }),
  });
}
