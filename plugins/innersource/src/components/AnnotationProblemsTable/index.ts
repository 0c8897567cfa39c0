export {
  AnnotationProblemsTable,
  SeverityIcon,
  SeverityLabel,
  sortProblems,
  summarizeProblems,
} from './AnnotationProblemsTable';
