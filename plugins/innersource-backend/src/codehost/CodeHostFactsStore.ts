import {
  CodeHostRepository,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';

/**
 * What is stored about one repository: the last good facts with the time
 * they were read, and how the attempts since went.
 */
export type StoredRepository = {
  /** `codeHostRepositoryKey(repository)`. */
  key: string;
  /** The provider that serves it. */
  provider: string;
  /** As the provider located it. */
  repository: CodeHostRepository;
  /** The last good facts; absent until a read succeeded. */
  facts?: RepositoryFacts;
  /** When the facts were last known good (a read, or an unchanged change token). */
  readAt?: Date;
  changeToken?: string;
  /** The labels and window the facts were read for. */
  issueLabels?: string[];
  windowDays?: number;
  lastAttemptAt?: Date;
  lastFailure?: string;
  lastFailureAt?: Date;
  /** Failed attempts since the last good read. */
  consecutiveFailures: number;
  /** No read before this time: a back-off or a rate-limit reset. */
  nextAttemptAt?: Date;
  /** The host said at the last attempt that it has no such repository. */
  notFound: boolean;
};

/** A repository as the store is told about it. */
export type RepositoryRef = {
  key: string;
  provider: string;
  repository: CodeHostRepository;
};

/**
 * Where code-host facts are kept, shared by every backend replica: the cycle
 * writes what each read gave as soon as it has it, the scoring reads the
 * facts of a page of entities at once.
 */
export interface CodeHostFactsStore {
  /** The stored state of the repositories with these keys; keys never seen are absent. */
  getRepositories(
    keys: Iterable<string>,
  ): Promise<Map<string, StoredRepository>>;

  /** New facts from a good read: failures and back-off are cleared. */
  saveRead(
    ref: RepositoryRef,
    read: {
      facts: RepositoryFacts;
      changeToken?: string;
      issueLabels: string[];
      windowDays: number;
      at: Date;
    },
  ): Promise<void>;

  /** The change token still held: the stored facts stay and count as read `at`. */
  saveUnchanged(
    ref: RepositoryRef,
    unchanged: { changeToken?: string; at: Date },
  ): Promise<void>;

  /**
   * A failed attempt: the last good facts stay as they are; the failure, the
   * time of the next attempt and whether the host has no such repository
   * are recorded.
   */
  saveFailure(
    ref: RepositoryRef,
    failure: {
      reason: string;
      at: Date;
      nextAttemptAt?: Date;
      notFound: boolean;
    },
  ): Promise<void>;

  /**
   * Records that a read is being attempted `at`, so that other replicas (and
   * repeated recomputes) see it before the result is in.
   */
  noteAttempt(ref: RepositoryRef, at: Date): Promise<void>;
}
