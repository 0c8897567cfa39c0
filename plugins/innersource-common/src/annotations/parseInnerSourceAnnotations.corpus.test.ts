import { Entity } from '@backstage/catalog-model';
import { readCorpusDocuments } from '../testUtils';
import { hasInnerSourceAnnotations } from './entityPredicates';
import {
  INNERSOURCE_ANNOTATION_EXAMPLES,
  parseInnerSourceAnnotations,
} from './parseInnerSourceAnnotations';

describe('parseInnerSourceAnnotations on the real-world corpus', () => {
  const corpus = readCorpusDocuments();

  it('finds a sensible number of entities in the corpus', () => {
    expect(corpus.files).toBeGreaterThan(0);
    // Most documents of catalog files are entities; a few are lists, empty
    // documents or broken YAML, which Backstage skips or rejects as well.
    expect(corpus.entities.length).toBeGreaterThanOrEqual(corpus.files / 2);
    expect(corpus.entities.length).toBeGreaterThanOrEqual(
      0.9 * corpus.documents,
    );
  });

  it('parses every entity without throwing, and finds no problems where there are no innersource annotations', () => {
    const results = (corpus.entities as Entity[]).map(entity => ({
      entity,
      result: parseInnerSourceAnnotations(entity),
    }));
    for (const { entity, result } of results) {
      expect(result.hasAnnotations).toBe(hasInnerSourceAnnotations(entity));
    }
    const withoutAnnotations = results.filter(r => !r.result.hasAnnotations);
    expect(withoutAnnotations.length).toBeGreaterThan(0);
    expect(withoutAnnotations.flatMap(r => r.result.problems)).toEqual([]);
  });

  it('reads the documented example annotations on every corpus entity without problems', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    for (const entity of corpus.entities as Entity[]) {
      const metadata = (entity as { metadata?: object }).metadata;
      const annotated = {
        ...entity,
        metadata: {
          ...metadata,
          annotations: {
            ...(metadata as Entity['metadata'] | undefined)?.annotations,
            ...INNERSOURCE_ANNOTATION_EXAMPLES,
          },
        },
      } as unknown as Entity;
      const result = parseInnerSourceAnnotations(annotated, { now });
      expect(result.problems).toEqual([]);
      expect(result.profile.contributionsWanted).toBe(true);
    }
  });
});
