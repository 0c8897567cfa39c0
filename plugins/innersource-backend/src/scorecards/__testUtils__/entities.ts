import { Entity } from '@backstage/catalog-model';

/** A Component with the given owner and annotations. */
export function component(
  name: string,
  options: {
    owner?: string;
    title?: string;
    description?: string;
    annotations?: Record<string, string>;
    lifecycle?: string;
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
      annotations: { ...options.annotations },
    },
    spec: {
      type: 'service',
      lifecycle: options.lifecycle ?? 'production',
      ...(options.owner ? { owner: options.owner } : {}),
    },
  };
}

export function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

export function user(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

export function systemEntity(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: 'default',
      description: 'Everything that takes the money at the till',
    },
    spec: { owner },
  };
}

export function api(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, namespace: 'default' },
    spec: { type: 'openapi', lifecycle: 'production', owner, definition: '{}' },
  };
}
