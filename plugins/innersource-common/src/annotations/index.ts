export * from './types';
export {
  parseInnerSourceAnnotations,
  displayAnnotationKey,
  INNERSOURCE_ANNOTATION_EXAMPLES,
} from './parseInnerSourceAnnotations';
export {
  hasInnerSourceAnnotations,
  isContributionWanted,
} from './entityPredicates';
export { formatAnnotationProblem, countAnnotationProblems } from './problems';
export {
  quoteValue,
  escapeUnsafeCharacters,
  QUOTED_VALUE_MAX_LENGTH,
} from './quoteValue';
export { MAX_ASKS, MAX_ASK_LENGTH, isContributionType } from './values/asks';
export { MAX_LIST_ITEMS } from './values/lists';
