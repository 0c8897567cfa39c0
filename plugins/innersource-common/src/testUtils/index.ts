/**
 * Test helpers shared by the InnerSource packages (Node only).
 *
 * @packageDocumentation
 */
export {
  corpusDir,
  findRepoRoot,
  readCorpusDocuments,
  readCorpusFiles,
} from './realWorldCorpus';
export type { CorpusDocuments, CorpusFile } from './realWorldCorpus';
