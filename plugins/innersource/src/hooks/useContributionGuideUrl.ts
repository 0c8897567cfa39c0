import { useMemo } from 'react';
import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import { getEntitySourceLocation } from '@backstage/plugin-catalog-react';
import { InnerSourceLink } from '@innersource/backstage-plugin-innersource-common';
import { asHttpUrl } from '../httpUrl';

type ScmIntegrations = typeof scmIntegrationsApiRef.T;

function sourceLocationUrl(
  entity: Entity,
  scmIntegrations: ScmIntegrations | undefined,
): string | undefined {
  if (scmIntegrations) {
    return asHttpUrl(
      getEntitySourceLocation(entity, scmIntegrations)?.locationTargetUrl,
    );
  }
  const annotation = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!annotation) {
    return undefined;
  }
  try {
    const { type, target } = parseLocationRef(annotation);
    return type === 'url' ? asHttpUrl(target) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The http(s) URL of the contribution guide, or undefined when there is none to link
 * to. A repo-relative path is resolved against `backstage.io/source-location` (through
 * the SCM integrations when the app has them, so e.g. GitHub paths become blob URLs)
 * and must stay on the repository's host; anything else is shown as plain text.
 */
export function resolveContributionGuideUrl(
  entity: Entity,
  link: InnerSourceLink | undefined,
  scmIntegrations?: ScmIntegrations,
): string | undefined {
  if (!link) {
    return undefined;
  }
  if (link.type === 'url') {
    return asHttpUrl(link.url);
  }
  const base = sourceLocationUrl(entity, scmIntegrations);
  if (!base) {
    return undefined;
  }
  let resolved: string | undefined;
  try {
    resolved = scmIntegrations
      ? scmIntegrations.resolveUrl({ url: link.path, base })
      : new URL(link.path.replace(/^\/+/, ''), base).toString();
  } catch {
    return undefined;
  }
  const url = asHttpUrl(resolved);
  // `//elsewhere.example/x` is a valid relative URL; keep repo paths on the repo's host.
  if (!url || new URL(url).origin !== new URL(base).origin) {
    return undefined;
  }
  return url;
}

/** {@link resolveContributionGuideUrl} with the app's SCM integrations, if any. */
export function useContributionGuideUrl(
  entity: Entity,
  link: InnerSourceLink | undefined,
): string | undefined {
  const scmIntegrations = useApiHolder().get(scmIntegrationsApiRef);
  return useMemo(
    () => resolveContributionGuideUrl(entity, link, scmIntegrations),
    [entity, link, scmIntegrations],
  );
}
