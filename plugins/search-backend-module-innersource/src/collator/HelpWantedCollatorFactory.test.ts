import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Readable } from 'node:stream';
import {
  HelpWantedCollatorFactory,
  HelpWantedIndexableDocument,
} from './HelpWantedCollatorFactory';

const NOW = new Date('2026-05-01T12:00:00Z');

function component(
  name: string,
  annotations: Record<string, unknown>,
  extra: { title?: string; description?: string; owner?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(extra.title ? { title: extra.title } : {}),
      ...(extra.description ? { description: extra.description } : {}),
      annotations: annotations as Record<string, string>,
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: extra.owner ?? 'payments',
    },
  };
}

const wanted = (asks: string, more: Record<string, unknown> = {}) => ({
  'innersource/contributions-wanted': 'true',
  'innersource/help-wanted': asks,
  ...more,
});

async function collate(
  entities: Entity[],
  options: { pageSize?: number } = {},
) {
  const inner = catalogServiceMock({ entities });
  const queryEntities = jest.fn(
    (...args: Parameters<CatalogService['queryEntities']>) =>
      inner.queryEntities(...args),
  );
  const catalog = { ...inner, queryEntities } as CatalogService;
  const factory = new HelpWantedCollatorFactory({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    now: () => NOW,
    ...options,
  });
  const documents: HelpWantedIndexableDocument[] = [];
  for await (const document of (await factory.getCollator()) as Readable) {
    documents.push(document);
  }
  return { documents, queryEntities, factory };
}

describe('HelpWantedCollatorFactory', () => {
  it('emits one document per current ask, with the entity and its skills', async () => {
    const { documents } = await collate([
      component(
        'payments-gateway',
        wanted('[docs] Write a Kotlin quickstart\nAdd Klarna support', {
          'innersource/skills': 'typescript, kotlin',
          'innersource/contribution-types': 'code, docs',
        }),
        {
          title: 'Payments Gateway',
          description: 'Takes card payments',
          owner: 'group:default/payments',
        },
      ),
    ]);

    expect(documents).toEqual([
      {
        title: 'Write a Kotlin quickstart',
        text: 'Write a Kotlin quickstart\nTakes card payments\ntypescript kotlin',
        location:
          '/catalog/default/component/payments-gateway/innersource#ask-1',
        entityRef: 'component:default/payments-gateway',
        entityTitle: 'Payments Gateway',
        owner: 'group:default/payments',
        askType: 'docs',
        skills: ['typescript', 'kotlin'],
        contributionTypes: ['code', 'docs'],
        authorization: { resourceRef: 'component:default/payments-gateway' },
      },
      expect.objectContaining({
        title: 'Add Klarna support',
        location:
          '/catalog/default/component/payments-gateway/innersource#ask-2',
        entityTitle: 'Payments Gateway',
        authorization: { resourceRef: 'component:default/payments-gateway' },
      }),
    ]);
    expect(documents[1]).not.toHaveProperty('askType');
  });

  it('gives every ask its own location, as search engines key documents by it', async () => {
    const { documents } = await collate([
      component('a', wanted('One\nTwo\nThree')),
      component('b', wanted('One')),
    ]);
    const locations = documents.map(d => d.location);
    expect(new Set(locations).size).toBe(4);
    expect(locations).toContain(
      '/catalog/default/component/a/innersource#ask-3',
    );
  });

  it('declares the catalog read permission so search filters by it', async () => {
    const { factory } = await collate([]);
    expect(factory.type).toBe('innersource-help-wanted');
    expect(factory.visibilityPermission.name).toBe('catalog.entity.read');
  });

  it('pages through the catalog, reading only the fields it needs', async () => {
    const entities = Array.from({ length: 5 }, (_, i) =>
      component(`service-${i}`, wanted(`Ask ${i}`)),
    );
    const { documents, queryEntities } = await collate(entities, {
      pageSize: 2,
    });

    expect(documents.map(d => d.title).sort()).toEqual([
      'Ask 0',
      'Ask 1',
      'Ask 2',
      'Ask 3',
      'Ask 4',
    ]);
    expect(queryEntities).toHaveBeenCalledTimes(3);
    const [firstRequest, firstOptions] = queryEntities.mock.calls[0];
    expect(firstRequest).toMatchObject({
      filter: {
        'metadata.annotations.innersource/contributions-wanted':
          expect.anything(),
      },
      limit: 2,
      fields: expect.arrayContaining(['metadata.annotations', 'spec.owner']),
    });
    expect(firstOptions.credentials).toBeDefined();
  });

  it('leaves out asks after help-wanted-until', async () => {
    const { documents } = await collate([
      component(
        'expired',
        wanted('Old ask', { 'innersource/help-wanted-until': '2026-04-30' }),
      ),
      component(
        'current',
        wanted('Fresh ask', { 'innersource/help-wanted-until': '2026-05-01' }),
      ),
    ]);
    expect(documents.map(d => d.title)).toEqual(['Fresh ask']);
  });

  it('leaves out entities that do not want contributions', async () => {
    const { documents } = await collate([
      component('closed', {
        'innersource/contributions-wanted': 'false',
        'innersource/help-wanted': 'Closed ask',
      }),
      component('silent', { 'innersource/skills': 'go' }),
      component('plain', {}),
    ]);
    expect(documents).toEqual([]);
  });

  it('never throws on malformed annotations', async () => {
    const { documents } = await collate([
      component('not-strings', {
        'innersource/contributions-wanted': 'true',
        'innersource/help-wanted': 42,
        'innersource/skills': ['a'],
        'innersource/help-wanted-until': 'soon',
      }),
      component(
        'bad-values',
        wanted('[nonsense] Still an ask', {
          'innersource/contribution-types': 'code, dancing',
          'innersource/response-time': 'two days',
        }),
        { owner: 'bad:ref:value:' },
      ),
      component('bad-flag', { 'innersource/contributions-wanted': 'yes?' }),
    ]);
    expect(documents.map(d => d.entityRef)).toEqual([
      'component:default/bad-values',
    ]);
    expect(documents[0].contributionTypes).toEqual(['code']);
  });
});
