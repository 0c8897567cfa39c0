import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * The in-memory catalog of Backstage's test utilities, with entities that can be
 * swapped between calls and a permission policy: the refs in `deny[user]` are
 * invisible to that user, as the real catalog makes unreadable entities.
 */
export function fakeCatalog(
  entities: Entity[],
  options: { deny?: Record<string, string[]> } = {},
) {
  let inner = catalogServiceMock({ entities });
  const denied = (ref: string, credentials?: BackstageCredentials) => {
    const principal = credentials?.principal as
      | Partial<BackstageUserPrincipal>
      | undefined;
    return Boolean(
      principal?.type === 'user' &&
        options.deny?.[principal.userEntityRef!]?.includes(ref),
    );
  };

  const catalog = {
    queryEntities: jest.fn(
      async (
        ...[request, opts]: Parameters<CatalogService['queryEntities']>
      ) => {
        const response = await inner.queryEntities(request, opts);
        return {
          ...response,
          items: response.items.filter(
            e => !denied(stringifyEntityRef(e), opts.credentials),
          ),
        };
      },
    ),
    getEntitiesByRefs: jest.fn(
      async (
        ...[request, opts]: Parameters<CatalogService['getEntitiesByRefs']>
      ) => {
        const response = await inner.getEntitiesByRefs(request, opts);
        return {
          items: response.items.map((e, i) =>
            e && !denied(request.entityRefs[i], opts.credentials)
              ? e
              : undefined,
          ),
        };
      },
    ),
    getEntityByRef: jest.fn(
      async (
        ref: string | CompoundEntityRef,
        opts: { credentials: BackstageCredentials },
      ) => {
        const entity = await inner.getEntityByRef(ref, opts);
        return entity && !denied(stringifyEntityRef(entity), opts.credentials)
          ? entity
          : undefined;
      },
    ),
  };

  return {
    /** Only the methods the plugin uses; calling another one fails the test. */
    catalog: catalog as Partial<CatalogService> as CatalogService,
    calls: catalog,
    setEntities(next: Entity[]) {
      inner = catalogServiceMock({ entities: next });
    },
  };
}
