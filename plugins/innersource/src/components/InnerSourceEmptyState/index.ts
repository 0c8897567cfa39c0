export { InnerSourceEmptyState } from './InnerSourceEmptyState';
export {
  annotationSnippet,
  suggestedInnerSourceAnnotations,
} from './annotationSnippet';
