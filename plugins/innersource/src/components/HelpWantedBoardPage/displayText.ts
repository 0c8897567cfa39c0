import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseCatalogEntityRef } from '../../entityRefs';

/**
 * Wraps untrusted text in Unicode isolates (FSI … PDI), the plain-text equivalent of
 * `<bdi>`, for places that take only a string, such as `<option>`.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** An entity ref as people read it: `group:default/payments` becomes `payments`. */
export function displayEntityRef(ref: string, defaultKind: string): string {
  const parsed = parseCatalogEntityRef(ref, defaultKind);
  return parsed ? humanizeEntityRef(parsed, { defaultKind }) : ref;
}
