/**
 * InnerSource code-host facts from GitLab and GitLab self-managed: README,
 * CONTRIBUTING, CODEOWNERS, license, labelled open issues, last commit and
 * merge requests with first responses, read with the hosts and tokens of
 * Backstage's `integrations.gitlab`.
 *
 * @packageDocumentation
 */

export { innersourceModuleGitlab as default } from './module';
export {
  GitlabFactsProvider,
  type GitlabFactsProviderOptions,
} from './GitlabFactsProvider';
export { type GitlabModuleSettings } from './settings';
