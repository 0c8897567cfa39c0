import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { innersourceCodeHostExtensionPoint } from '@innersource/backstage-plugin-innersource-node';
import { GitlabFactsProvider } from './GitlabFactsProvider';

/**
 * Adds GitLab and GitLab self-managed as a source of code-host facts to the
 * InnerSource backend, with the hosts and tokens of `integrations.gitlab`.
 *
 * @public
 */
export const innersourceModuleGitlab = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'gitlab',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        codeHost: innersourceCodeHostExtensionPoint,
      },
      async init({ config, logger, codeHost }) {
        codeHost.addProvider(
          GitlabFactsProvider.fromConfig(config, { logger }),
        );
      },
    });
  },
});
