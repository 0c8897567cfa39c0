import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';

const validators = makeValidator();

/**
 * Reads an entity ref that the catalog could hold (valid kind, namespace and name),
 * or returns undefined. Refs from the board are untrusted: one that is not valid is
 * shown as text, never made into a link or a filter.
 */
export function parseCatalogEntityRef(
  value: string,
  defaultKind?: string,
): CompoundEntityRef | undefined {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value.trim(), { defaultKind });
  } catch {
    return undefined;
  }
  const valid =
    validators.isValidKind(ref.kind) &&
    validators.isValidNamespace(ref.namespace) &&
    validators.isValidEntityName(ref.name);
  return valid ? ref : undefined;
}
