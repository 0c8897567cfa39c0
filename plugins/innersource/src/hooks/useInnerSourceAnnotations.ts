import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { parseInnerSourceAnnotations } from '@innersource/backstage-plugin-innersource-common';

/**
 * The current entity and the shared parser's reading of its `innersource/*`
 * annotations. The UI never interprets annotation values itself.
 */
export function useInnerSourceAnnotations() {
  const { entity } = useEntity();
  const parsed = useMemo(() => parseInnerSourceAnnotations(entity), [entity]);
  return { entity, ...parsed };
}
