/***/
/**
 * The innersource-collator module for @backstage/plugin-search-backend
 *
 * @packageDocumentation
 */

export { searchModuleInnersource as default } from './module';
