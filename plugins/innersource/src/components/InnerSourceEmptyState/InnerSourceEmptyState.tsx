import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import { CodeSnippet, EmptyState, Link } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { useAnnotationDocsUrl } from '../../hooks/useAnnotationDocsUrl';
import {
  annotationSnippet,
  suggestedInnerSourceAnnotations,
} from './annotationSnippet';

/**
 * Shown instead of the profile when an entity has no `innersource/*` annotation: a
 * copyable snippet to start from and the link to the annotation docs.
 */
export function InnerSourceEmptyState(props: { entity: Entity }) {
  const { entity } = props;
  const docsUrl = useAnnotationDocsUrl();
  const snippet = useMemo(
    () =>
      annotationSnippet(suggestedInnerSourceAnnotations(entity, new Date())),
    [entity],
  );
  return (
    <EmptyState
      missing="field"
      title="No InnerSource annotations yet"
      description="Tell engineers from other teams whether and how they can contribute: add innersource/* annotations to the catalog-info.yaml of this entity. Start from this snippet and adjust the values."
      action={
        <>
          <CodeSnippet text={snippet} language="yaml" showCopyCodeButton />
          <Box mt={2}>
            <Link to={docsUrl}>Read about every innersource/* annotation</Link>
          </Box>
        </>
      }
    />
  );
}
