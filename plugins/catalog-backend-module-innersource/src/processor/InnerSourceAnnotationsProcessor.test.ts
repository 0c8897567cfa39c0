/* eslint-disable no-script-url -- a script URL is the hostile input under test */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  CatalogProcessorCache,
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { readCorpusDocuments } from '@innersource/backstage-plugin-innersource-common/testUtils';
import { InnerSourceAnnotationsProcessor } from './InnerSourceAnnotationsProcessor';

const LOCATION: LocationSpec = {
  type: 'url',
  target: 'https://github.com/acme/legacy-ledger/blob/main/catalog-info.yaml',
};
const NOW = new Date('2030-06-15T12:00:00Z');

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'legacy-ledger', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
  };
}

const MALFORMED = entityWith({
  'innersource/contributions-wanted': 'true',
  'innersource/response-time': 'two days',
  'innersource/help-wanted-until': '2030-06-20',
});

/** The catalog's per-entity processor cache, in memory. */
function memoryCache(): CatalogProcessorCache & {
  values: Record<string, unknown>;
} {
  const values: Record<string, unknown> = {};
  return {
    values,
    get: async key => values[key] as never,
    set: async (key, value) => {
      values[key] = value;
    },
  };
}

function setup(options: { strict?: boolean } = {}) {
  const logger = mockServices.logger.mock();
  const emitted: CatalogProcessorResult[] = [];
  const processor = new InnerSourceAnnotationsProcessor({
    logger,
    strict: options.strict,
    now: () => NOW,
  });
  const run = (entity: Entity, cache?: CatalogProcessorCache) =>
    processor.postProcessEntity(
      entity,
      LOCATION,
      result => emitted.push(result),
      cache ?? memoryCache(),
    );
  return { logger, emitted, processor, run };
}

describe('InnerSourceAnnotationsProcessor', () => {
  it('has a stable name', () => {
    const { processor } = setup();
    expect(processor.getProcessorName()).toBe(
      'InnerSourceAnnotationsProcessor',
    );
  });

  it('passes the entity through unchanged', async () => {
    const { run } = setup({ strict: true });
    const before = JSON.parse(JSON.stringify(MALFORMED));
    const result = await run(MALFORMED);
    expect(result).toBe(MALFORMED);
    expect(result).toEqual(before);
  });

  it('logs each problem with the entity ref, severity, annotation, message and fix', async () => {
    const { run, logger, emitted } = setup();
    await run(MALFORMED);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'InnerSource annotation error on component:default/legacy-ledger: innersource/response-time: "two days" is not a duration; use e.g. "2d" or "48h"',
      {
        entity: 'component:default/legacy-ledger',
        severity: 'error',
        annotation: 'innersource/response-time',
        problem: '"two days" is not a duration',
        fix: 'use e.g. "2d" or "48h"',
      },
    );
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'InnerSource annotation warning on component:default/legacy-ledger: innersource/help-wanted-until: the asks expire on 2030-06-20 (in 5 days)',
      ),
      expect.objectContaining({ severity: 'warning' }),
    );
    expect(emitted).toEqual([]);
  });

  it('logs the same problems once, and again when they change', async () => {
    const { run, logger } = setup();
    const cache = memoryCache();
    await run(MALFORMED, cache);
    await run(MALFORMED, cache);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    await run(entityWith({ 'innersource/response-time': 'three days' }), cache);
    expect(logger.warn).toHaveBeenCalledTimes(2);

    await run(entityWith({ 'innersource/response-time': '3d' }), cache);
    await run(MALFORMED, cache);
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });

  it('logs every time when the catalog gives it no cache', async () => {
    const { processor, logger } = setup();
    const emit = jest.fn();
    await processor.postProcessEntity(MALFORMED, LOCATION, emit);
    await processor.postProcessEntity(MALFORMED, LOCATION, emit);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('keeps a clean entity silent and leaves the cache alone', async () => {
    const { run, logger, emitted } = setup({ strict: true });
    const cache = memoryCache();
    await run(
      entityWith({
        'innersource/contributions-wanted': 'true',
        'innersource/response-time': '2d',
      }),
      cache,
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.info).not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
    expect(cache.values).toEqual({});
  });

  describe('in strict mode', () => {
    it('emits a processing error for each error-severity problem, and none for warnings', async () => {
      const { run, emitted } = setup({ strict: true });
      await run(
        entityWith({
          'innersource/response-time': 'two days',
          'innersource/chat': 'javascript:alert(1)',
          'innersource/help-wanted-until': '2020-01-01',
          'innersource/skils': 'go',
        }),
      );
      expect(emitted).toHaveLength(2);
      expect(emitted.map(r => r.type)).toEqual(['error', 'error']);
      expect(
        emitted.map(r => (r.type === 'error' ? r.error.message : '')),
      ).toEqual([
        'innersource/response-time: "two days" is not a duration; use e.g. "2d" or "48h"',
        'innersource/chat: "javascript:alert(1)" uses the "javascript:" scheme, but only http and https links are allowed; use a channel name such as "#payments-dev" or an https:// URL',
      ]);
      expect(emitted[0]).toMatchObject({ location: LOCATION });
    });

    it('emits the errors on every run, not only when they change', async () => {
      const { run, emitted } = setup({ strict: true });
      const cache = memoryCache();
      await run(MALFORMED, cache);
      await run(MALFORMED, cache);
      expect(emitted).toHaveLength(2);
    });

    it('emits nothing for warnings alone', async () => {
      const { run, emitted, logger } = setup({ strict: true });
      await run(entityWith({ 'innersource/help-wanted-until': '2020-01-01' }));
      expect(emitted).toEqual([]);
      expect(logger.info).toHaveBeenCalledTimes(1);
    });
  });

  describe('fromConfig', () => {
    it('is lenient by default', async () => {
      const logger = mockServices.logger.mock();
      const processor = InnerSourceAnnotationsProcessor.fromConfig(
        new ConfigReader({}),
        { logger },
      );
      const emit = jest.fn();
      await processor.postProcessEntity(MALFORMED, LOCATION, emit);
      expect(emit).not.toHaveBeenCalled();
    });

    it('reads innersource.annotations.strict', async () => {
      const logger = mockServices.logger.mock();
      const processor = InnerSourceAnnotationsProcessor.fromConfig(
        new ConfigReader({ innersource: { annotations: { strict: true } } }),
        { logger },
      );
      const emit = jest.fn();
      await processor.postProcessEntity(MALFORMED, LOCATION, emit);
      expect(emit).toHaveBeenCalledTimes(1);
    });

    it('rejects a strict flag that is not a boolean, at start-up', () => {
      expect(() =>
        InnerSourceAnnotationsProcessor.fromConfig(
          new ConfigReader({
            innersource: { annotations: { strict: 'sometimes' } },
          }),
          { logger: mockServices.logger.mock() },
        ),
      ).toThrow(/innersource\.annotations\.strict/);
    });
  });

  it('never throws on hostile annotation values and never changes the entity', async () => {
    const { run } = setup({ strict: true });
    const hostile = [
      '\u0000\u202e<script>alert(1)</script>',
      'x'.repeat(100_000),
      'java\nscript:alert(1)',
      '[',
      ';;;;',
      '\ud800',
    ];
    for (const value of hostile) {
      const entity = entityWith({
        'innersource/help-wanted': value,
        'innersource/contributing': value,
        'innersource/trusted-committers': value,
        'innersource/scorecard-exempt': value,
        [`innersource/${value.slice(0, 50)}`]: value,
      });
      const before = JSON.stringify(entity);
      await expect(run(entity)).resolves.toBe(entity);
      expect(JSON.stringify(entity)).toBe(before);
    }
  });

  describe('on the real-world corpus', () => {
    const corpus = readCorpusDocuments();

    it('processes every entity without throwing; entities without innersource annotations stay silent', async () => {
      expect(corpus.entities.length).toBeGreaterThanOrEqual(corpus.files / 2);
      const { run, logger, emitted } = setup({ strict: true });
      for (const entity of corpus.entities as Entity[]) {
        await expect(run(entity)).resolves.toBe(entity);
      }
      // The corpus is real-world Backstage YAML: none of it uses innersource/*.
      expect(logger.warn).not.toHaveBeenCalled();
      expect(logger.info).not.toHaveBeenCalled();
      expect(logger.error).not.toHaveBeenCalled();
      expect(emitted).toEqual([]);
    });
  });
});
