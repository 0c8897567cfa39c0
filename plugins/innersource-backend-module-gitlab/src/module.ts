import { createCodeHostFactsModule } from '@innersource/backstage-plugin-innersource-node';
import { GitlabFactsProvider } from './GitlabFactsProvider';

/**
 * Adds GitLab and GitLab self-managed as a source of code-host facts to the
 * InnerSource backend, with the hosts and tokens of `integrations.gitlab`.
 *
 * @public
 */
export const innersourceModuleGitlab = createCodeHostFactsModule({
  moduleId: 'gitlab',
  createProvider: ({ config, logger }) =>
    GitlabFactsProvider.fromConfig(config, { logger }),
});
