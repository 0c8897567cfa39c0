/**
 * A catalog backend module that checks the `innersource/*` annotations of every
 * entity during catalog processing.
 *
 * @packageDocumentation
 */

export { catalogModuleInnerSource as default } from './module';
export { InnerSourceAnnotationsProcessor } from './processor/InnerSourceAnnotationsProcessor';
export type { InnerSourceAnnotationsProcessorOptions } from './processor/InnerSourceAnnotationsProcessor';
