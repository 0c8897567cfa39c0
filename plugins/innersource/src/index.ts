/**
 * InnerSource for Backstage: the entity InnerSource tab and Overview card.
 *
 * The default export is the plugin for the new frontend system; the named exports
 * serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export {
  innersourcePlugin,
  EntityInnerSourceContent,
  EntityInnerSourceCard,
} from './plugin';
export { isInnerSourceAvailable } from './isInnerSourceAvailable';
