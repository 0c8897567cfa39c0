import { Entity } from '@backstage/catalog-model';
import {
  Document,
  isMap,
  isScalar,
  LineCounter,
  Node,
  Pair,
  parseAllDocuments,
  YAMLMap,
} from 'yaml';
import {
  displayAnnotationKey,
  parseInnerSourceAnnotations,
} from '../annotations/parseInnerSourceAnnotations';
import {
  AnnotationProblem,
  INNERSOURCE_ANNOTATIONS,
} from '../annotations/types';
import { escapeUnsafeCharacters } from '../annotations/quoteValue';

/**
 * A problem found by the lint command, with where it is: the value of the
 * annotation, or its key for unknown annotations. Lines and columns start at 1.
 *
 * @public
 */
export type LintProblem = AnnotationProblem & {
  file: string;
  line: number;
  column: number;
  /** The entity the annotation belongs to, e.g. `component:default/payments-gateway`. */
  entity: string;
};

/**
 * What the lint command found in one file. `failure` is set when the file could
 * not be read or is not valid YAML; then there are no problems.
 *
 * @public
 */
export type LintFileResult = {
  file: string;
  /** Documents that are objects, i.e. candidate entities, that were checked. */
  entities: number;
  problems: LintProblem[];
  failure?: string;
};

/** @public */
export type LintCatalogYamlOptions = {
  /** The moment `help-wanted-until` is judged against; defaults to now. */
  now?: Date;
};

type Position = { line: number; column: number };

const KNOWN_KEYS: string[] = Object.values(INNERSOURCE_ANNOTATIONS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEntity(entity: Record<string, unknown>, index: number) {
  const metadata = isPlainObject(entity.metadata) ? entity.metadata : {};
  const { kind } = entity;
  const { name, namespace } = metadata;
  if (typeof kind === 'string' && typeof name === 'string') {
    const ns = typeof namespace === 'string' ? namespace : 'default';
    return escapeUnsafeCharacters(
      `${kind.toLocaleLowerCase('en-US')}:${ns}/${name}`,
    );
  }
  return `document ${index + 1}`;
}

function mapValue(node: unknown, key: string): unknown {
  return isMap(node) ? node.get(key, true) : undefined;
}

/** The pairs of `metadata.annotations`, by the key that problems name them with. */
function annotationPairs(doc: Document.Parsed) {
  const pairs = new Map<string, Pair<unknown, unknown>>();
  const annotations = mapValue(
    mapValue(doc.contents, 'metadata'),
    'annotations',
  );
  if (isMap(annotations)) {
    for (const pair of (annotations as YAMLMap<unknown, unknown>).items) {
      if (isScalar(pair.key)) {
        pairs.set(displayAnnotationKey(String(pair.key.value)), pair);
      }
    }
  }
  return { annotations, pairs };
}

/** Where a node starts; undefined for a missing or empty node (`key:` with no value). */
function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) && range[1] > range[0] ? range[0] : undefined;
}

/**
 * Where a problem points: the annotation's value (its key when the key itself is
 * the problem or the value is missing), else the annotations block, else the
 * document.
 */
function problemOffset(
  problem: AnnotationProblem,
  doc: Document.Parsed,
  isKnownKey: boolean,
): number {
  const { annotations, pairs } = annotationPairs(doc);
  const pair = pairs.get(problem.annotation);
  return (
    (isKnownKey ? startOf(pair?.value) : undefined) ??
    startOf(pair?.key) ??
    startOf(annotations) ??
    startOf(doc.contents) ??
    doc.range[0]
  );
}

function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Lints the text of a catalog file (one or more YAML documents) with the same
 * parser the catalog processor and the UI use, and says where each problem is.
 *
 * @public
 */
export function lintCatalogYaml(
  file: string,
  text: string,
  options: LintCatalogYamlOptions = {},
): LintFileResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const documents = Array.isArray(docs) ? docs : [];

  const problems: LintProblem[] = [];
  let entities = 0;
  for (const [index, doc] of documents.entries()) {
    const [yamlError] = doc.errors;
    if (yamlError) {
      const at = positionOf(lineCounter, yamlError.pos[0]);
      const where = `${file}:${at.line}:${at.column}`;
      const reason = yamlError.message.split('\n')[0];
      return {
        file,
        entities,
        problems: [],
        failure: `${where}: invalid YAML: ${reason}`,
      };
    }
    let json: unknown;
    try {
      json = doc.toJSON();
    } catch (error) {
      // e.g. the alias limit that guards against "billion laughs" documents
      return {
        file,
        entities,
        problems: [],
        failure: `${file}: invalid YAML: ${(error as Error).message}`,
      };
    }
    if (!isPlainObject(json)) {
      continue;
    }
    entities += 1;
    const entity = describeEntity(json, index);
    const parsed = parseInnerSourceAnnotations(json as unknown as Entity, {
      now: options.now,
    });
    for (const problem of parsed.problems) {
      const isKnownKey = KNOWN_KEYS.includes(problem.annotation);
      const offset = problemOffset(problem, doc, isKnownKey);
      problems.push({
        file,
        ...positionOf(lineCounter, offset),
        entity,
        ...problem,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, entities, problems };
}
