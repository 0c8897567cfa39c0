/** At most `max` offers within any `windowMs` milliseconds. */
export type InterestLimit = { max: number; windowMs: number };

/** The rate limits of "I want to help". */
export type InterestLimits = {
  /** Offers of one user for one entity. */
  perUserAndEntity: InterestLimit;
  /** Offers of one user, for any entities. */
  perUser: InterestLimit;
};

/** Whether an offer was recorded, or when the user may try again. */
export type InterestRecordResult =
  | { recorded: true; id: number }
  | { recorded: false; retryAt: Date };

/**
 * Where "I want to help" offers are counted for rate limiting, shared by all
 * backend replicas. Rows older than the longest window are purged.
 */
export interface InterestStore {
  /**
   * Records an offer unless it would exceed a limit; checking and recording are
   * one step, so concurrent offers of a user cannot both slip through.
   */
  recordInterest(options: {
    userRef: string;
    entityRef: string;
    now: Date;
    limits: InterestLimits;
  }): Promise<InterestRecordResult>;

  /** Forgets a recorded offer, e.g. when its notification could not be sent. */
  deleteInterest(id: number): Promise<void>;
}
