import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The monorepo root: the nearest folder up whose package.json declares workspaces. */
function findRepoRoot(from: string = __dirname): string {
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
 * Every object document of every file in the real-world corpus directory
 * (INNERSOURCE_CORPUS_DIR, else `../shared/corpus/catalog` next to the
 * repository; the same rule as in innersource-common). Throws, so that the test
 * fails instead of passing vacuously, when the directory is missing or empty.
 */
export function readCorpusEntities(): { files: number; entities: unknown[] } {
  const dir =
    process.env.INNERSOURCE_CORPUS_DIR ??
    path.resolve(findRepoRoot(), '../shared/corpus/catalog');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(
      `The real-world corpus directory ${dir} does not exist; set INNERSOURCE_CORPUS_DIR to a folder of catalog YAML files`,
    );
  }
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => path.join(dir, name))
    .filter(file => fs.statSync(file).isFile());
  if (files.length === 0) {
    throw new Error(`The real-world corpus directory ${dir} is empty`);
  }
  const entities: unknown[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      if (doc.errors.length > 0) {
        continue;
      }
      let json: unknown;
      try {
        json = doc.toJSON();
      } catch {
        continue;
      }
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
        entities.push(json);
      }
    }
  }
  return { files: files.length, entities };
}
