import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { asHttpUrl } from '../httpUrl';

/** Where the annotation contract is documented unless `innersource.annotationDocsUrl` says otherwise. */
export const DEFAULT_ANNOTATION_DOCS_URL =
  'https://www.npmjs.com/package/@innersource/backstage-plugin-innersource-common';

/** The http(s) URL of the annotation docs, from `innersource.annotationDocsUrl`. */
export function useAnnotationDocsUrl(): string {
  const config = useApi(configApiRef);
  return (
    asHttpUrl(config.getOptionalString('innersource.annotationDocsUrl')) ??
    DEFAULT_ANNOTATION_DOCS_URL
  );
}
