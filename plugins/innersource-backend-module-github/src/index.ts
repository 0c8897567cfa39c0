/**
 * InnerSource code-host facts from GitHub and GitHub Enterprise Server:
 * README, CONTRIBUTING, CODEOWNERS, license, labelled open issues, last
 * commit and pull requests with first responses, read with the credentials
 * of Backstage's `integrations.github`.
 *
 * @packageDocumentation
 */

export { innersourceModuleGithub as default } from './module';
export {
  GithubFactsProvider,
  type GithubFactsProviderOptions,
} from './GithubFactsProvider';
export { type GithubModuleSettings } from './settings';
