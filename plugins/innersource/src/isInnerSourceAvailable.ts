import { Entity } from '@backstage/catalog-model';
import { hasInnerSourceAnnotations } from '@innersource/backstage-plugin-innersource-common';

/**
 * True when the entity carries at least one `innersource/*` annotation; for
 * `EntitySwitch` in apps on the legacy frontend system.
 *
 * @public
 */
export function isInnerSourceAvailable(entity: Entity): boolean {
  return hasInnerSourceAnnotations(entity);
}

/** The entity kinds that get the InnerSource tab. */
export const INNERSOURCE_ENTITY_KINDS = [
  'component',
  'system',
  'api',
  'resource',
];
