/***/
/**
 * The innersource-processor module for @backstage/plugin-catalog-backend
 *
 * @packageDocumentation
 */

export { catalogModuleInnersource as default } from './module';
