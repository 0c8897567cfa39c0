import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScorecardCatalogFacts } from '@innersource/backstage-plugin-innersource-common';
import { REFS_PER_REQUEST } from '../lib/catalogRequests';
import { lowerCase } from '../lib/lowerCase';

/** The only fields asked for when looking up whether refs exist. */
const EXISTENCE_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * The full, lower-case ref that `spec.owner` resolves to: an owner without a
 * kind is a Group, without a namespace in the entity's namespace. Undefined
 * when there is no owner or it is not an entity ref.
 */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * What the catalog knows beyond each entity: the kind its owner resolves to
 * and which of its trusted committers exist. All refs are looked up at once,
 * a batch at a time, with only kind, namespace and name asked for.
 *
 * @param trustedCommitters - by entity: the refs of
 *   `innersource/trusted-committers`, as the parser read them.
 */
export async function gatherCatalogFacts(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  subjects: ReadonlyArray<{ owner?: string; trustedCommitters: string[] }>,
): Promise<ScorecardCatalogFacts[]> {
  const lower = (ref: string) => lowerCase(ref);
  const refs = new Set<string>();
  for (const { owner, trustedCommitters } of subjects) {
    if (owner) {
      refs.add(owner);
    }
    trustedCommitters.forEach(ref => refs.add(lower(ref)));
  }

  const kinds = new Map<string, string>();
  const all = [...refs];
  for (let i = 0; i < all.length; i += REFS_PER_REQUEST) {
    const entityRefs = all.slice(i, i + REFS_PER_REQUEST);
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields: EXISTENCE_FIELDS },
      { credentials },
    );
    items.forEach((found, index) => {
      if (found) {
        kinds.set(entityRefs[index], lower(found.kind));
      }
    });
  }

  return subjects.map(({ owner, trustedCommitters }) => ({
    ...(owner ? { ownerKind: kinds.get(owner) ?? null } : {}),
    resolvedRefs: new Set(
      trustedCommitters.map(lower).filter(ref => kinds.has(ref)),
    ),
  }));
}
