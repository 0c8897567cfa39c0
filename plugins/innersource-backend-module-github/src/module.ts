import { createCodeHostFactsModule } from '@innersource/backstage-plugin-innersource-node';
import { GithubFactsProvider } from './GithubFactsProvider';

/**
 * Adds GitHub and GitHub Enterprise Server as a source of code-host facts to
 * the InnerSource backend, with the hosts and credentials of
 * `integrations.github`.
 *
 * @public
 */
export const innersourceModuleGithub = createCodeHostFactsModule({
  moduleId: 'github',
  createProvider: ({ config, logger }) =>
    GithubFactsProvider.fromConfig(config, { logger }),
});
