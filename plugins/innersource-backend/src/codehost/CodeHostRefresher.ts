import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CodeHostRepository,
  parseInnerSourceAnnotations,
} from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostFactsProvider,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '@innersource/backstage-plugin-innersource-node';
import { ScorecardEntityFilter } from '../scorecards/config';
import { CodeHostFactsStore, StoredRepository } from './CodeHostFactsStore';
import { CodeHostProviders, CycleBudget } from './CodeHostProviders';

/** Entities per catalog page. */
const PAGE_SIZE = 500;
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * How long to wait after the n-th failure in a row: doubling from 5 minutes
 * up to 6 hours, so that a host in trouble is asked less and less often; a
 * repository the host does not have, from an hour up to a day.
 */
export function backOffMs(consecutiveFailures: number, notFound: boolean) {
  const [first, most] = notFound
    ? [HOUR_MS, 24 * HOUR_MS]
    : [5 * MINUTE_MS, 6 * HOUR_MS];
  return Math.min(first * 2 ** Math.max(0, consecutiveFailures - 1), most);
}

/** One repository of a cycle, and the entities that live in it. */
export type RepositoryToRead = {
  key: string;
  provider: CodeHostFactsProvider;
  repository: CodeHostRepository;
  /** The union of the entities' `innersource/issue-labels`, first spelling kept. */
  issueLabels: string[];
  entityRefs: string[];
};

export type CodeHostRefreshResult = {
  /** Repositories the scored entities live in. */
  repositories: number;
  read: number;
  unchanged: number;
  failed: number;
  /** Not asked for: their next attempt (a back-off, a rate-limit reset) is still to come. */
  waiting: number;
  /** Not reached: the budget ran out, the cycle was aborted, or a provider gave up. */
  notReached: number;
  /**
   * Entities whose scorecards are out of date now: their facts were read anew,
   * became fresh again, or the first failure since the last good read came.
   */
  affectedEntityRefs: string[];
};

type Counts = Omit<
  CodeHostRefreshResult,
  'repositories' | 'affectedEntityRefs' | 'waiting'
> & { affected: Set<string> };

/**
 * The code-host cycle: finds the repositories of the scored entities
 * (`innersource.scorecards.entities`) through the installed providers, and
 * has each provider read its repositories, stalest first, within one budget
 * shared by the cycle. Every result is stored as soon as it comes, so an
 * aborted cycle keeps what it read; what was not reached is read first next
 * time. A failure of one repository, or of a whole provider, never stops the
 * others.
 */
export class CodeHostRefresher {
  constructor(
    private readonly options: {
      providers: CodeHostProviders;
      store: CodeHostFactsStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** The scored selection and the fields it is read with. */
      entities: ScorecardEntityFilter;
      entityFields: string[];
      /** Pull requests opened in the last this many days are read. */
      windowDays: number;
      /** Units one cycle may spend. */
      budget: number;
      /** Facts older than this are no longer used; they become fresh again on any good answer. */
      maxAgeMs: number;
      pageSize?: number;
      clock?: () => Date;
    },
  ) {}

  /** One cycle over every scored entity. */
  async refreshAll(signal?: AbortSignal): Promise<CodeHostRefreshResult> {
    const { logger, budget: units } = this.options;
    const repositories = this.repositoriesOf(await this.scoredEntities(signal));
    const budget = new CycleBudget(units);
    const result = await this.read(repositories, budget, signal);
    logger.info(
      `Code-host facts: ${result.repositories} repositories, ${result.read} read, ` +
        `${result.unchanged} unchanged, ${result.failed} failed, ` +
        `${result.waiting} waiting for a back-off or rate-limit reset, ` +
        `${
          result.notReached
        } not reached (${budget.remaining()} of ${units} budget units left)`,
    );
    return result;
  }

  /**
   * Re-reads the repository of one entity now, within `budget` units, unless
   * it was attempted less than `minIntervalMs` ago or must wait for a
   * back-off: a recompute may ask again and again, the host is asked at most
   * once per interval. The labels already stored are kept in the read, so a
   * repository shared with other entities keeps their issues.
   */
  async refreshEntity(
    entity: Entity,
    limits: { budget: number; minIntervalMs: number },
  ): Promise<CodeHostRefreshResult> {
    const { store, logger } = this.options;
    const [repository] = this.repositoriesOf([entity]);
    if (!repository) {
      return this.nothing(0);
    }
    const stored = (await store.getRepositories([repository.key])).get(
      repository.key,
    );
    const now = this.now().getTime();
    const lastAttempt = stored?.lastAttemptAt?.getTime();
    if (
      (lastAttempt !== undefined && now - lastAttempt < limits.minIntervalMs) ||
      (stored?.nextAttemptAt && stored.nextAttemptAt.getTime() > now)
    ) {
      return { ...this.nothing(1), waiting: 1 };
    }
    const request = {
      ...repository,
      issueLabels: unionOfLabels([
        repository.issueLabels,
        stored?.issueLabels ?? [],
      ]),
    };
    await store.noteAttempt(
      {
        key: request.key,
        provider: request.provider.id,
        repository: request.repository,
      },
      this.now(),
    );
    const result = await this.read(
      [request],
      new CycleBudget(limits.budget),
      undefined,
      stored ? new Map([[request.key, stored]]) : new Map(),
    );
    if (result.failed > 0 || result.notReached > 0) {
      logger.info(
        `The recompute of ${stringifyEntityRef(entity)} could not re-read ${
          request.key
        }; it is scored from the stored facts`,
      );
    }
    return result;
  }

  /**
   * The repositories of the entities, by key: entities that share a
   * repository share one read, with the union of their issue labels.
   * Entities that no provider can read are left out: they are never sent to
   * a provider.
   */
  repositoriesOf(entities: Iterable<Entity>): RepositoryToRead[] {
    const byKey = new Map<string, RepositoryToRead & { labels: string[][] }>();
    for (const entity of entities) {
      const location = this.options.providers.locate(entity);
      if ('unavailable' in location) {
        continue;
      }
      const labels = parseInnerSourceAnnotations(entity).profile.issueLabels;
      const entityRef = stringifyEntityRef(entity);
      const known = byKey.get(location.key);
      if (known) {
        known.labels.push(labels);
        known.entityRefs.push(entityRef);
        continue;
      }
      byKey.set(location.key, {
        key: location.key,
        provider: location.provider,
        repository: location.repository,
        issueLabels: [],
        labels: [labels],
        entityRefs: [entityRef],
      });
    }
    return [...byKey.values()].map(({ labels, ...repository }) => ({
      ...repository,
      issueLabels: unionOfLabels(labels),
    }));
  }

  private async scoredEntities(signal?: AbortSignal): Promise<Entity[]> {
    const { catalog, auth, entities: filter, entityFields } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const limit = this.options.pageSize ?? PAGE_SIZE;
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, limit, fields: entityFields }
          : { filter, limit, fields: entityFields },
        { credentials },
      );
      entities.push(...response.items);
      cursor = response.pageInfo.nextCursor;
    } while (cursor && !signal?.aborted);
    return entities;
  }

  /**
   * Has each provider read its repositories, stalest first, and stores each
   * result as it comes.
   */
  private async read(
    repositories: RepositoryToRead[],
    budget: CycleBudget,
    signal?: AbortSignal,
    known?: Map<string, StoredRepository>,
  ): Promise<CodeHostRefreshResult> {
    const { providers, store, windowDays } = this.options;
    const stored =
      known ?? (await store.getRepositories(repositories.map(r => r.key)));
    const now = this.now();
    const due = repositories.filter(
      r => !(stored.get(r.key)?.nextAttemptAt?.getTime()! > now.getTime()),
    );
    const counts: Counts = {
      read: 0,
      unchanged: 0,
      failed: 0,
      notReached: 0,
      affected: new Set(),
    };

    for (const provider of providers.list) {
      const mine = due
        .filter(r => r.provider === provider)
        .sort(
          (a, b) =>
            staleness(stored.get(a.key), stored.get(b.key)) ||
            compare(a.key, b.key),
        );
      if (mine.length === 0) {
        continue;
      }
      if (signal?.aborted || budget.remaining() <= 0) {
        counts.notReached += mine.length;
        continue;
      }
      const requests: CodeHostReadRequest[] = mine.map(r =>
        requestOf(r, stored.get(r.key), windowDays),
      );
      await this.readWith(
        provider,
        requests,
        mine,
        stored,
        budget,
        counts,
        signal,
      );
    }

    return {
      repositories: repositories.length,
      read: counts.read,
      unchanged: counts.unchanged,
      failed: counts.failed,
      waiting: repositories.length - due.length,
      notReached: counts.notReached,
      affectedEntityRefs: [...counts.affected].sort(),
    };
  }

  private async readWith(
    provider: CodeHostFactsProvider,
    requests: CodeHostReadRequest[],
    repositories: RepositoryToRead[],
    stored: Map<string, StoredRepository>,
    budget: CycleBudget,
    counts: Counts,
    signal?: AbortSignal,
  ) {
    const { store, logger, windowDays, maxAgeMs } = this.options;
    const byKey = new Map(repositories.map(r => [r.key, r]));
    const answered = new Set<string>();
    const onResult = async (key: string, result: CodeHostReadResult) => {
      const repository = byKey.get(key);
      // Only what was asked for is stored, and only its first result.
      if (!repository || answered.has(key)) {
        return;
      }
      answered.add(key);
      const ref = {
        key,
        provider: provider.id,
        repository: repository.repository,
      };
      const before = stored.get(key);
      const at = this.now();
      if (result.outcome === 'read') {
        counts.read += 1;
        await store.saveRead(ref, {
          facts: result.facts,
          changeToken: result.changeToken,
          issueLabels: repository.issueLabels,
          windowDays,
          at,
        });
        repository.entityRefs.forEach(entityRef =>
          counts.affected.add(entityRef),
        );
        return;
      }
      if (result.outcome === 'unchanged') {
        counts.unchanged += 1;
        await store.saveUnchanged(ref, {
          changeToken: result.changeToken,
          at,
        });
        const wasFresh =
          before?.readAt !== undefined &&
          at.getTime() - before.readAt.getTime() <= maxAgeMs &&
          before.consecutiveFailures === 0;
        if (!wasFresh) {
          repository.entityRefs.forEach(entityRef =>
            counts.affected.add(entityRef),
          );
        }
        return;
      }
      counts.failed += 1;
      const failures = (before?.consecutiveFailures ?? 0) + 1;
      const notFound = result.notFound === true;
      const backOff = new Date(at.getTime() + backOffMs(failures, notFound));
      const nextAttemptAt =
        result.retryAt && result.retryAt.getTime() > at.getTime()
          ? result.retryAt
          : backOff;
      await store.saveFailure(ref, {
        reason: result.reason,
        at,
        nextAttemptAt,
        notFound,
      });
      // One line per repository and cycle, never one per request.
      logger.warn(
        `Could not read ${key} from ${provider.id}: ${result.reason}; ` +
          `the last good facts stay in use, next attempt after ${nextAttemptAt.toISOString()}`,
      );
      if (
        (before?.consecutiveFailures ?? 0) === 0 ||
        notFound !== before?.notFound
      ) {
        repository.entityRefs.forEach(entityRef =>
          counts.affected.add(entityRef),
        );
      }
    };

    try {
      await provider.read(requests, { budget, onResult, signal, logger });
    } catch (error) {
      logger.warn(
        `The code-host provider ${provider.id} gave up after ${answered.size} of ${requests.length} repositories; ` +
          `the rest keep their facts and are read first next time: ${
            error instanceof Error ? error.message : String(error)
          }`,
      );
    }
    counts.notReached += requests.length - answered.size;
  }

  private nothing(repositories: number): CodeHostRefreshResult {
    return {
      repositories,
      read: 0,
      unchanged: 0,
      failed: 0,
      waiting: 0,
      notReached: 0,
      affectedEntityRefs: [],
    };
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

function compare(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Never read first, then the oldest good read first. */
function staleness(a?: StoredRepository, b?: StoredRepository): number {
  const at = (s?: StoredRepository) => s?.readAt?.getTime() ?? -Infinity;
  const [x, y] = [at(a), at(b)];
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

/** Labels of several entities, each once (compared ignoring case), in the order first seen. */
export function unionOfLabels(
  lists: ReadonlyArray<readonly string[]>,
): string[] {
  const seen = new Map<string, string>();
  for (const list of lists) {
    for (const label of list) {
      const key = label.toLowerCase();
      if (!seen.has(key)) {
        seen.set(key, label);
      }
    }
  }
  return [...seen.values()];
}

function requestOf(
  repository: RepositoryToRead,
  stored: StoredRepository | undefined,
  windowDays: number,
): CodeHostReadRequest {
  return {
    key: repository.key,
    repository: repository.repository,
    issueLabels: repository.issueLabels,
    windowDays,
    ...(stored?.facts && stored.readAt
      ? {
          previous: {
            readAt: stored.readAt.toISOString(),
            ...(stored.changeToken !== undefined
              ? { changeToken: stored.changeToken }
              : {}),
            issueLabels: stored.issueLabels ?? [],
            windowDays: stored.windowDays ?? windowDays,
          },
        }
      : {}),
  };
}
