import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { InnerSourceAnnotationsProcessor } from './processor/InnerSourceAnnotationsProcessor';

/**
 * Adds the InnerSource annotation checks to the catalog's processing.
 *
 * @public
 */
export const catalogModuleInnerSource = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'innersource',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        const processor = InnerSourceAnnotationsProcessor.fromConfig(config, {
          logger,
        });
        catalog.addProcessor(processor);
      },
    });
  },
});
