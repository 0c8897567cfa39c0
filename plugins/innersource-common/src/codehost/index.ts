export * from './types';
export {
  isOutsideAuthor,
  issuesWithLabels,
  scorecardCodeHostFacts,
  summarizeContributions,
} from './contributions';
export { codeHostRepositoryKey } from './repositoryKey';
