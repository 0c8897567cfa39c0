import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CodeHostRepository } from '@innersource/backstage-plugin-innersource-common';
import { CodeHostLocation } from '../codeHost';

const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION_ANNOTATION = 'backstage.io/managed-by-location';

/**
 * The URL of a `url:` location annotation such as
 * `backstage.io/source-location`, or undefined for any other kind (`file:`,
 * a malformed value, a scheme other than http(s)).
 *
 * @public
 */
export function locationAnnotationUrl(
  value: string | undefined,
): URL | undefined {
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
 * How one kind of host names its repositories in the catalog, for
 * {@link locateFromAnnotations}.
 *
 * @public
 */
export type AnnotationLocating<TIntegration> = {
  /** The key under `integrations`, e.g. `github`. */
  integrationsKey: string;
  /** e.g. `github.com/project-slug`. */
  slugAnnotation: string;
  /** What a slug looks like, as reasons say it: `"owner/name"`. */
  slugShape: string;
  /** A slug the reasons give as an example: `acme/payments-gateway`. */
  slugExample: string;
  /** What a source location that names no repository names none of, e.g. `repository` or `GitLab project`. */
  repositoryNoun: string;
  /** The self-hosted product an `apiBaseUrl` is needed for, e.g. `GitHub Enterprise`. */
  selfHostedName: string;
  /** The host a bare slug is on when no location names a configured host, e.g. `github.com`. */
  defaultHost: string;
  /** The slug as written in the annotation, tidied (trimmed); `isSlug` judges the result. */
  tidySlug: (value: string) => string;
  isSlug: (slug: string) => boolean;
  /** The integration of a host of this kind, or undefined. */
  integrationFor: (host: string) => TIntegration | undefined;
  /** Whether an integration of any kind knows the host. */
  anyIntegrationFor: (host: string) => boolean;
  /** The slug of a source-location URL on a configured host, or undefined when it names none. */
  slugFromUrl: (url: URL, integration: TIntegration) => string | undefined;
  /** The repository of a slug on a configured host. */
  repository: (integration: TIntegration, slug: string) => CodeHostRepository;
};

/**
 * Where an entity's repository is, by the rule every code-host module
 * follows: the slug annotation on the host of the source or managed-by
 * location when that host is configured (else on the default host; a
 * source location on a host no integration knows makes it unavailable), or
 * the repository of a source location on a configured host. Undefined when
 * nothing points at this kind of host.
 *
 * @public
 */
export function locateFromAnnotations<TIntegration>(
  entity: Entity,
  locating: AnnotationLocating<TIntegration>,
): CodeHostLocation {
  const annotations = entity.metadata.annotations ?? {};
  const source = locationAnnotationUrl(annotations[SOURCE_LOCATION_ANNOTATION]);
  const managedBy = locationAnnotationUrl(
    annotations[MANAGED_BY_LOCATION_ANNOTATION],
  );
  const integrationOf = (url: URL | undefined) =>
    url ? locating.integrationFor(url.host) : undefined;
  const located = (integration: TIntegration, slug: string) => ({
    repository: locating.repository(integration, slug),
  });

  const written = annotations[locating.slugAnnotation];
  if (written !== undefined) {
    const slug = locating.tidySlug(written);
    if (!locating.isSlug(slug)) {
      return {
        unavailable: `${locating.slugAnnotation} "${written}" is not ${locating.slugShape}; write e.g. "${locating.slugExample}"`,
      };
    }
    const integration = integrationOf(source) ?? integrationOf(managedBy);
    if (integration) {
      return located(integration, slug);
    }
    // The slug names a repository on the source location's host, and no integration of any kind knows that host.
    if (source && !locating.anyIntegrationFor(source.host)) {
      return {
        unavailable: `host "${source.host}" is not configured under integrations.${locating.integrationsKey}; add it (with apiBaseUrl for ${locating.selfHostedName}) to read ${slug}`,
      };
    }
    const onDefaultHost = locating.integrationFor(locating.defaultHost);
    return onDefaultHost
      ? located(onDefaultHost, slug)
      : {
          unavailable: `host "${locating.defaultHost}" is not configured under integrations.${locating.integrationsKey}`,
        };
  }

  const sourceIntegration = integrationOf(source);
  if (!source || !sourceIntegration) {
    return undefined;
  }
  const slug = locating.slugFromUrl(source, sourceIntegration);
  if (!slug) {
    return {
      unavailable: `${SOURCE_LOCATION_ANNOTATION} "${source.href}" names no ${locating.repositoryNoun}; add ${locating.slugAnnotation}, e.g. "${locating.slugExample}"`,
    };
  }
  return located(sourceIntegration, slug);
}

/**
 * `locate` as the extension point wants it, never throwing: an error while
 * locating (a registry that throws on an odd host) is logged at debug level
 * and answers undefined, so the next provider is asked.
 *
 * @public
 */
export function locateWithoutThrowing(
  entity: Entity,
  options: {
    /** What is located, for the log line: `GitHub repository`. */
    what: string;
    logger: LoggerService;
    locate: (entity: Entity) => CodeHostLocation;
  },
): CodeHostLocation {
  try {
    return options.locate(entity);
  } catch (error) {
    options.logger.debug(
      `Could not locate the ${options.what} of ${entity.metadata.name}: ${error}`,
    );
    return undefined;
  }
}
