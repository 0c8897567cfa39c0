import { Entity } from '@backstage/catalog-model';
import {
  Document,
  isMap,
  isScalar,
  LineCounter,
  Node,
  Pair,
  parseAllDocuments,
  Scalar,
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
import { annotationOnlyScorecardOptions } from '../scorecards/options';
import { scoreEntity } from '../scorecards/scoreEntity';
import { Scorecard, ScorecardOptions } from '../scorecards/types';

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
 * The annotation-only scorecard of one entity: the same scoring as in
 * Backstage, without catalog and code-host data, so the checks that need those
 * are `not-reported` and count neither for nor against the entity.
 *
 * @public
 */
export type LintScorecard = Omit<Scorecard, 'entityRef'> & {
  file: string;
  /** The entity, named as in {@link LintProblem}. */
  entity: string;
};

/**
 * What the lint command found in one file. `failure` is set when the file could
 * not be read or is not valid YAML; then there are no problems and no scorecards.
 *
 * @public
 */
export type LintFileResult = {
  file: string;
  /** Documents that are objects, i.e. candidate entities, that were checked. */
  entities: number;
  problems: LintProblem[];
  /** One per Component and System, in the order of the file. */
  scorecards: LintScorecard[];
  failure?: string;
};

/** @public */
export type LintCatalogYamlOptions = {
  /** The moment `help-wanted-until` is judged against; defaults to now. */
  now?: Date;
  /** The scorecard configuration; the defaults when left out. */
  scorecardOptions?: ScorecardOptions;
};

/**
 * The kinds the lint scores: those the backend scores by default. Users,
 * groups and APIs have no scorecard.
 */
const SCORED_KINDS = ['component', 'system'];

type Position = { line: number; column: number };

const KNOWN_KEYS: string[] = Object.values(INNERSOURCE_ANNOTATIONS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScoredEntity(entity: Record<string, unknown>): boolean {
  const { kind } = entity;
  const name = isPlainObject(entity.metadata)
    ? entity.metadata.name
    : undefined;
  return (
    typeof kind === 'string' &&
    SCORED_KINDS.includes(kind.toLocaleLowerCase('en-US')) &&
    typeof name === 'string'
  );
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
 * For a problem about one line of a literal block value (`|`), e.g. one ask of
 * several in `innersource/help-wanted`, where that line starts in the file;
 * undefined when the problem is about the value as a whole or the value is not
 * a literal block. The line is found with the parser itself: the first line
 * that, as the annotation's whole value, has the same problem.
 */
function lineOffsetInBlock(
  problem: AnnotationProblem,
  entity: Record<string, unknown>,
  pair: Pair<unknown, unknown> | undefined,
  text: string,
  now: Date,
): number | undefined {
  const node = pair?.value;
  if (
    !isScalar(pair?.key) ||
    !isScalar(node) ||
    node.type !== Scalar.BLOCK_LITERAL ||
    typeof node.value !== 'string' ||
    !node.range
  ) {
    return undefined;
  }
  const key = String(pair!.key.value);
  const lines = node.value.split('\n');
  if (lines.length < 2) {
    return undefined;
  }
  const metadata = entity.metadata as Record<string, unknown>;
  const annotations = metadata.annotations as Record<string, unknown>;
  const withOnly = (line: string) =>
    ({
      ...entity,
      metadata: { ...metadata, annotations: { ...annotations, [key]: line } },
    } as unknown as Entity);
  const found = lines.findIndex(
    line =>
      line.trim().length > 0 &&
      parseInnerSourceAnnotations(withOnly(line), { now }).problems.some(
        other =>
          other.annotation === problem.annotation &&
          other.message === problem.message,
      ),
  );
  if (found === -1) {
    return undefined;
  }
  // A literal block holds its lines verbatim, in order, after the indentation,
  // from the line after its header (`|`, `|-`, `|2`, ...).
  let offset = text.indexOf('\n', node.range[0]) + 1;
  for (const [index, line] of lines.slice(0, found + 1).entries()) {
    const at = text.indexOf(line, offset);
    if (offset === 0 || at === -1 || at >= node.range[1]) {
      return undefined;
    }
    if (index === found) {
      return at;
    }
    offset = at + line.length;
  }
  return undefined;
}

/**
 * Where a problem points: the line of a literal block value it is about, else
 * the annotation's value (its key when the key itself is the problem or the
 * value is missing), else the annotations block, else the document.
 */
function problemOffset(
  problem: AnnotationProblem,
  doc: Document.Parsed,
  isKnownKey: boolean,
  source: { entity: Record<string, unknown>; text: string; now: Date },
): number {
  const { annotations, pairs } = annotationPairs(doc);
  const pair = pairs.get(problem.annotation);
  return (
    (isKnownKey
      ? lineOffsetInBlock(
          problem,
          source.entity,
          pair,
          source.text,
          source.now,
        ) ?? startOf(pair?.value)
      : undefined) ??
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
  const scorecards: LintScorecard[] = [];
  const now = options.now ?? new Date();
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
        scorecards: [],
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
        scorecards: [],
        failure: `${file}: invalid YAML: ${(error as Error).message}`,
      };
    }
    if (!isPlainObject(json)) {
      continue;
    }
    entities += 1;
    const entity = describeEntity(json, index);
    const parsed = parseInnerSourceAnnotations(json as unknown as Entity, {
      now,
    });
    for (const problem of parsed.problems) {
      const isKnownKey = KNOWN_KEYS.includes(problem.annotation);
      const offset = problemOffset(problem, doc, isKnownKey, {
        entity: json,
        text,
        now,
      });
      problems.push({
        file,
        ...positionOf(lineCounter, offset),
        entity,
        ...problem,
      });
    }
    if (isScoredEntity(json)) {
      // No catalog and no code-host facts: the lint only sees the file, so
      // it shows the level the annotations allow, with those checks optional.
      const { entityRef: _, ...scorecard } = scoreEntity(
        { entity: json as unknown as Entity, profile: parsed.profile, now },
        annotationOnlyScorecardOptions(options.scorecardOptions),
      );
      scorecards.push({ file, entity, ...scorecard });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, entities, problems, scorecards };
}
