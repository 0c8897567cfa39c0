import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { InnersourceProcessor } from './processor/InnersourceProcessor';

export const catalogModuleInnersource = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'innersource-processor',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(InnersourceProcessor.fromConfig(config));
      },
    });
  },
});
