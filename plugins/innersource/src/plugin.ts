import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';

/**
 * The InnerSource plugin for apps on the legacy frontend system. Apps on the new
 * frontend system use the package's default export instead.
 *
 * @public
 */
export const innersourcePlugin = createPlugin({
  id: 'innersource',
});

/**
 * The entity InnerSource tab, for `EntityLayout.Route` in the legacy frontend system.
 *
 * @public
 */
export const EntityInnerSourceContent = innersourcePlugin.provide(
  createComponentExtension({
    name: 'EntityInnerSourceContent',
    component: {
      lazy: () =>
        import('./components/EntityInnerSourceContent').then(
          m => m.EntityInnerSourceContent,
        ),
    },
  }),
);

/**
 * The compact InnerSource card for the entity Overview tab in the legacy frontend
 * system.
 *
 * @public
 */
export const EntityInnerSourceCard = innersourcePlugin.provide(
  createComponentExtension({
    name: 'EntityInnerSourceCard',
    component: {
      lazy: () =>
        import('./components/EntityInnerSourceCard').then(
          m => m.EntityInnerSourceCard,
        ),
    },
  }),
);
