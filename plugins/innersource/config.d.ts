export interface Config {
  innersource?: {
    /**
     * Where maintainers read about the `innersource/*` annotations. The entity tab links
     * here when an entity has none yet. Must be an http(s) URL.
     * @visibility frontend
     */
    annotationDocsUrl?: string;
  };
}
