import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CodeHostRepository,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';

/**
 * Where a provider finds an entity's repository:
 *
 * - `{ repository }`: the provider serves it;
 * - `{ unavailable }`: the entity points at this provider's kind of host but
 *   it cannot be read (a malformed `github.com/project-slug`, a source
 *   location on a host missing from `integrations`): the reason, with the
 *   fix, is shown on the scorecard and the checks say `not-reported`;
 * - `undefined`: not this provider's entity; the next provider is asked.
 *
 * @public
 */
export type CodeHostLocation =
  | { repository: CodeHostRepository }
  | { unavailable: string }
  | undefined;

/**
 * One repository to read in a cycle.
 *
 * @public
 */
export type CodeHostReadRequest = {
  /** `codeHostRepositoryKey(repository)`: results are returned under it. */
  key: string;
  repository: CodeHostRepository;
  /** Open issues with any of these are read (the union of the entities' `innersource/issue-labels`). */
  issueLabels: string[];
  /** Pull/merge requests opened in the last this many days are read. */
  windowDays: number;
  /** What the provider returned at the last good read, for change detection. */
  previous?: {
    /** ISO 8601 time of that read. */
    readAt: string;
    changeToken?: string;
    /** The labels and window of that read: when they differ, the repository must be read again. */
    issueLabels: string[];
    windowDays: number;
  };
};

/**
 * What reading one repository gave:
 *
 * - `read`: new facts, and a token the provider recognises at the next cycle
 *   to tell whether anything changed (e.g. `pushedAt` and the newest issue's
 *   and pull request's update times, or an ETag);
 * - `unchanged`: the change token still holds; the stored facts stay and
 *   count as read now;
 * - `failed`: nothing could be read (rate limit, 5xx, timeout, not found):
 *   the last good facts stay in use with their age. `retryAt` says when to
 *   try this repository again (a rate limit's reset time); `notFound` marks a
 *   repository the host does not have.
 *
 * @public
 */
export type CodeHostReadResult =
  | { outcome: 'read'; facts: RepositoryFacts; changeToken?: string }
  | { outcome: 'unchanged'; changeToken?: string }
  | {
      outcome: 'failed';
      reason: string;
      retryAt?: Date;
      notFound?: boolean;
    };

/**
 * The share of the code host's rate budget one cycle may spend. A provider
 * calls `take` before each request (GraphQL: with the query's estimated
 * points) and stops when it answers false: the repositories it did not get to
 * are read first in the next cycle.
 *
 * @public
 */
export interface CodeHostBudget {
  take(cost?: number): boolean;
  remaining(): number;
}

/**
 * What the backend gives a provider's `read` for one cycle.
 *
 * @public
 */
export type CodeHostReadContext = {
  budget: CodeHostBudget;
  onResult: (key: string, result: CodeHostReadResult) => Promise<void>;
  signal?: AbortSignal;
  logger: LoggerService;
};

/**
 * A source of code-host facts, added by a backend module through
 * {@link innersourceCodeHostExtensionPoint}.
 *
 * @public
 */
export interface CodeHostFactsProvider {
  /** e.g. `github`; the `provider` of the repositories it locates. */
  readonly id: string;

  /**
   * The catalog annotation on User entities that holds a user's login on
   * this host, e.g. `github.com/user-login`: the backend maps contribution
   * authors to catalog users (and their teams) through it.
   */
  readonly userLoginAnnotation: string;

  /** Where the entity's repository is, if this provider serves it. Pure and quick; never throws. */
  locate(entity: Entity): CodeHostLocation;

  /**
   * Reads the repositories, in the order given (stalest first), within the
   * budget, and reports each result through `onResult` as soon as it has it,
   * so that an aborted cycle keeps what was read. Repositories without a
   * result were not reached and stay as they were. A failure of one
   * repository is reported as its result, never thrown; the promise rejects
   * only when nothing at all could be attempted.
   */
  read(
    requests: CodeHostReadRequest[],
    context: CodeHostReadContext,
  ): Promise<void>;
}

/**
 * Adds code-host fact providers to the InnerSource backend plugin.
 *
 * @public
 */
export interface InnerSourceCodeHostExtensionPoint {
  /**
   * Adds a provider. Each entity is served by the first provider whose
   * `locate` answers; the plugin refuses to start when two providers share
   * an id.
   */
  addProvider(provider: CodeHostFactsProvider): void;
}

/**
 * The extension point for code-host fact providers (GitHub, GitLab, or a
 * company's own host).
 *
 * @public
 */
export const innersourceCodeHostExtensionPoint =
  createExtensionPoint<InnerSourceCodeHostExtensionPoint>({
    id: 'innersource.code-host',
  });
