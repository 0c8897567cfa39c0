/**
 * Backstage search module that indexes the current help-wanted asks of
 * InnerSource entities, one document of type `innersource-help-wanted` per ask.
 *
 * @packageDocumentation
 */

export { searchModuleInnerSource as default } from './module';
export {
  HelpWantedCollatorFactory,
  type HelpWantedCollatorFactoryOptions,
  type HelpWantedIndexableDocument,
} from './collator/HelpWantedCollatorFactory';
