import { Entity } from '@backstage/catalog-model';
import { BoardEntry, StoredBoardEntry } from '../board/types';

/** A Component that wants contributions, with the given innersource/* annotations. */
export function wantedComponent(
  name: string,
  options: {
    annotations?: Record<string, string>;
    title?: string;
    description?: string;
    tags?: string[];
    owner?: string;
    system?: string;
    namespace?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ...(options.title ? { title: options.title } : {}),
      ...(options.description ? { description: options.description } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
      annotations: {
        'innersource/contributions-wanted': 'true',
        ...options.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'group:default/payments',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

export function system(name: string, domain?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/payments', ...(domain ? { domain } : {}) },
  };
}

/** A board entry as the store holds it. */
/** A board entry with nothing but its identity, plus the given fields. */
export function boardEntry(
  name: string,
  overrides: Partial<BoardEntry> = {},
): BoardEntry {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    tags: [],
    asks: [],
    skills: [],
    contributionTypes: [],
    trustedCommitters: [],
    ...overrides,
  };
}

export function storedEntry(
  name: string,
  overrides: Partial<StoredBoardEntry> = {},
): StoredBoardEntry {
  return {
    ...boardEntry(name),
    asksUpdatedAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}
