import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

type Filter = Parameters<CatalogService['queryEntities']>[0] extends infer R
  ? R extends { filter?: infer F }
    ? F
    : never
  : never;

/** `fields` as the catalog applies them: only the listed paths, nested. */
function project(entity: Entity, fields?: string[]): Entity {
  if (!fields?.length) {
    return entity;
  }
  const output: Record<string, any> = {};
  for (const field of fields) {
    const path = field.split('.');
    let value: any = entity;
    for (const part of path) {
      value = value?.[part];
    }
    if (value === undefined) {
      continue;
    }
    let target = output;
    for (const part of path.slice(0, -1)) {
      target = target[part] ??= {};
    }
    target[path[path.length - 1]] = value;
  }
  return output as Entity;
}

/** A catalog service with a way to select entities before measuring. */
export type PagedInMemoryCatalog = CatalogService & {
  /** Selects the entities of `filter` now, so that no measured call pays for it. */
  prepare(filter: Filter): Promise<void>;
};

/**
 * Backstage's in-memory catalog (`catalogServiceMock`), everyone may read
 * everything, with the lookups both plugins use made cheap: the stock client
 * filters and re-indexes every entity on every `queryEntities` page and every
 * `getEntitiesByRefs` call, which for 50,000 entities would cost more than
 * either plugin. Here the stock client selects each distinct filter once
 * (call {@link PagedInMemoryCatalog.prepare} before measuring), pages are
 * slices of that selection and refs are looked up in a map (entity refs are
 * ASCII, so plain lower-casing). Entities are returned as projections that
 * share their objects with the catalog (no copy), so the catalog's own cost
 * is close to zero on both sides alike.
 */
export function pagedInMemoryCatalog(entities: Entity[]): PagedInMemoryCatalog {
  const stock = catalogServiceMock({ entities });
  const selectWithStock = stock.queryEntities.bind(stock);
  const byRef = new Map(
    entities.map(entity => [stringifyEntityRef(entity).toLowerCase(), entity]),
  );
  const selections = new Map<string, { list: Entity[]; set: Set<Entity> }>();
  const keyOf = (filter: Filter) =>
    JSON.stringify(filter === undefined ? null : [filter].flat());
  const select = async (filter: Filter) => {
    const key = keyOf(filter);
    let selected = selections.get(key);
    if (!selected) {
      const { items } = await selectWithStock({ filter });
      selected = { list: items, set: new Set(items) };
      selections.set(key, selected);
    }
    return { key, selected };
  };

  const catalog: PagedInMemoryCatalog = Object.assign(stock, {
    async prepare(filter: Filter) {
      await select(filter);
    },
  });

  catalog.queryEntities = async (request: any) => {
    let key: string;
    let offset: number;
    if (request && 'cursor' in request) {
      ({ key, offset } = JSON.parse(request.cursor));
    } else {
      key = keyOf(request?.filter);
      offset = request?.offset ?? 0;
      await select(request?.filter);
    }
    const selected = selections.get(key)!.list;
    const limit = request?.limit ?? selected.length;
    const end = Math.min(selected.length, offset + limit);
    return {
      items: selected
        .slice(offset, end)
        .map(entity => project(entity, request?.fields)),
      totalItems: selected.length,
      pageInfo:
        end < selected.length
          ? { nextCursor: JSON.stringify({ key, offset: end }) }
          : {},
    };
  };

  catalog.getEntitiesByRefs = async (request: any) => {
    const allowed = request.filter
      ? (await select(request.filter)).selected.set
      : undefined;
    return {
      items: request.entityRefs.map((ref: string) => {
        const entity = byRef.get(ref.toLowerCase());
        return entity && (!allowed || allowed.has(entity))
          ? project(entity, request.fields)
          : undefined;
      }),
    };
  };

  catalog.getEntityByRef = async (ref: any) =>
    byRef.get(
      stringifyEntityRef(
        typeof ref === 'string' ? parseEntityRef(ref) : ref,
      ).toLowerCase(),
    );

  return catalog;
}
