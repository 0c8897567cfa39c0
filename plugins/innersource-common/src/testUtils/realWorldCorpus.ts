import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The monorepo root: the nearest folder up whose package.json declares workspaces.
 *
 * @public
 */
export function findRepoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).workspaces
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no monorepo root above ${from}`);
    }
    dir = parent;
  }
}

/**
 * The directory of real-world catalog files: INNERSOURCE_CORPUS_DIR, else
 * `../shared/corpus/catalog` next to the repository.
 */
export function corpusDir(): string {
  return (
    process.env.INNERSOURCE_CORPUS_DIR ??
    path.resolve(findRepoRoot(), '../shared/corpus/catalog')
  );
}

export type CorpusFile = { file: string; text: string };

/**
 * Every file of the corpus, read. Throws (so the test fails rather than
 * silently passing) when the directory is missing or holds no files.
 */
export function readCorpusFiles(): CorpusFile[] {
  const dir = corpusDir();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(
      `The real-world corpus directory ${dir} does not exist; set INNERSOURCE_CORPUS_DIR to a folder of catalog YAML files`,
    );
  }
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => path.join(dir, name))
    .filter(file => fs.statSync(file).isFile())
    .sort();
  if (files.length === 0) {
    throw new Error(`The real-world corpus directory ${dir} is empty`);
  }
  return files.map(file => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

export type CorpusDocuments = {
  files: number;
  documents: number;
  /** Documents that are not valid YAML; Backstage would reject them too. */
  invalid: number;
  /** Valid documents whose root is not an object (a list, a string, empty). */
  notObjects: number;
  entities: unknown[];
};

/** Every YAML document of every corpus file, sorted into entities and the rest. */
export function readCorpusDocuments(): CorpusDocuments {
  const result: CorpusDocuments = {
    files: 0,
    documents: 0,
    invalid: 0,
    notObjects: 0,
    entities: [],
  };
  for (const { text } of readCorpusFiles()) {
    result.files += 1;
    for (const doc of parseAllDocuments(text)) {
      result.documents += 1;
      let json: unknown;
      try {
        json = doc.errors.length === 0 ? doc.toJSON() : undefined;
      } catch {
        json = undefined;
      }
      if (doc.errors.length > 0 || json === undefined) {
        result.invalid += 1;
      } else if (
        typeof json === 'object' &&
        json !== null &&
        !Array.isArray(json)
      ) {
        result.entities.push(json);
      } else {
        result.notObjects += 1;
      }
    }
  }
  return result;
}
