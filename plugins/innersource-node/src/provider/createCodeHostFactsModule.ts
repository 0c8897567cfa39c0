import {
  coreServices,
  createBackendModule,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  CodeHostFactsProvider,
  innersourceCodeHostExtensionPoint,
} from '../codeHost';

/**
 * A backend module of the `innersource` plugin that adds one code-host
 * facts provider, made from the root config and the module's logger.
 *
 * @public
 */
export function createCodeHostFactsModule(options: {
  /** e.g. `github`. */
  moduleId: string;
  createProvider: (deps: {
    config: RootConfigService;
    logger: LoggerService;
  }) => CodeHostFactsProvider;
}) {
  return createBackendModule({
    pluginId: 'innersource',
    moduleId: options.moduleId,
    register({ registerInit }) {
      registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          codeHost: innersourceCodeHostExtensionPoint,
        },
        async init({ config, logger, codeHost }) {
          codeHost.addProvider(options.createProvider({ config, logger }));
        },
      });
    },
  });
}
