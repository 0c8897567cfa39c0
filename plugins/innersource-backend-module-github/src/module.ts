import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { innersourceCodeHostExtensionPoint } from '@innersource/backstage-plugin-innersource-node';
import { GithubFactsProvider } from './GithubFactsProvider';

/**
 * Adds GitHub and GitHub Enterprise Server as a source of code-host facts to
 * the InnerSource backend, with the hosts and credentials of
 * `integrations.github`.
 *
 * @public
 */
export const innersourceModuleGithub = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'github',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        codeHost: innersourceCodeHostExtensionPoint,
      },
      async init({ config, logger, codeHost }) {
        codeHost.addProvider(
          GithubFactsProvider.fromConfig(config, { logger }),
        );
      },
    });
  },
});
