export interface Config {
  innersource?: {
    annotations?: {
      /**
       * Report error-severity problems of `innersource/*` annotations as catalog
       * processing errors, shown on the entity page, in addition to the log.
       *
       * Backstage treats any processing error as a failed processing run: the
       * catalog keeps the entity's last good version, and an entity that has
       * never been processed without errors does not appear until its
       * annotations are fixed. Hence opt-in. Warnings are only ever logged.
       *
       * Default: false
       */
      strict?: boolean;
    };
  };
}
