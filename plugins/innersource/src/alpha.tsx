import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  INNERSOURCE_ENTITY_KINDS,
  isInnerSourceAvailable,
} from './isInnerSourceAvailable';
import { ENTITY_TAB_PATH } from './routes';

/**
 * The InnerSource tab on the pages of components, systems, APIs and resources. It is
 * shown for entities without annotations too, where it offers a snippet to start from.
 *
 * @alpha
 */
export const innerSourceEntityContent = EntityContentBlueprint.make({
  params: {
    path: ENTITY_TAB_PATH,
    title: 'InnerSource',
    filter: { kind: { $in: INNERSOURCE_ENTITY_KINDS } },
    loader: () =>
      import('./components/EntityInnerSourceContent').then(m => (
        <m.EntityInnerSourceContent />
      )),
  },
});

/**
 * The compact InnerSource card on the Overview tab of entities that carry
 * `innersource/*` annotations.
 *
 * @alpha
 */
export const innerSourceEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isInnerSourceAvailable,
    loader: () =>
      import('./components/EntityInnerSourceCard').then(m => (
        <m.EntityInnerSourceCard />
      )),
  },
});

/**
 * The InnerSource plugin for the new frontend system, also the default export of the
 * package root, so `app.packages: all` discovers it.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'innersource',
  title: 'InnerSource',
  extensions: [innerSourceEntityContent, innerSourceEntityCard],
});
