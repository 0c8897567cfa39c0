import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  GithubIntegration,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import {
  CodeHostPullRequest,
  CodeHostRepository,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostBudget,
  CodeHostFactsProvider,
  CodeHostLocation,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '@innersource/backstage-plugin-innersource-node';
import {
  GithubHostClient,
  GithubRequestFailure,
  GraphqlAnswer,
} from './client/GithubHostClient';
import {
  GITHUB_PROVIDER_ID,
  githubRepositoryUrl,
  locateGithubRepository,
} from './locateGithubRepository';
import { ChangeMarks, changeToken } from './queries/changeMarks';
import {
  changeDetectionAlias,
  changeDetectionQuery,
} from './queries/changeDetectionQuery';
import { RateLimitAnswer } from './queries/rateLimit';
import {
  pullRequestFromAnswer,
  repositoryFactsFromAnswer,
} from './queries/repositoryFacts';
import {
  PULL_REQUEST_PAGE_QUERY,
  PullRequestPageAnswer,
  PullRequestPageData,
  REPOSITORY_FACTS_QUERY,
  RepositoryFactsData,
  pullRequestPageCost,
  repositoryFactsCost,
} from './queries/repositoryFactsQuery';
import {
  DEFAULT_GITHUB_MODULE_SETTINGS,
  GithubModuleSettings,
  readGithubModuleSettings,
} from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_REASON_DETAIL = 200;

/** Thrown inside a cycle when the budget says no: the rest of the host's repositories get no result. */
class BudgetExhausted extends Error {}

export type GithubFactsProviderOptions = {
  integrations: ScmIntegrationRegistry;
  /** Where tokens come from; by default Backstage's, from `integrations.github` (GitHub Apps first, then the token). */
  credentialsProvider?: GithubCredentialsProvider;
  logger: LoggerService;
  settings?: Partial<GithubModuleSettings>;
  /** Milliseconds before the one retry of a 5xx or timeout. Default 1000. */
  retryDelayMs?: number;
};

type HostCycle = {
  host: string;
  client: GithubHostClient;
  integration: GithubIntegration;
  budget: CodeHostBudget;
  signal?: AbortSignal;
  logger: LoggerService;
  report: (
    request: CodeHostReadRequest,
    result: CodeHostReadResult,
  ) => Promise<void>;
  /** Set when the budget ran out or the cycle was aborted: nothing more is sent. */
  stopped: boolean;
  rateLimitLogged: boolean;
};

type ReadTarget = {
  request: CodeHostReadRequest;
  headers?: Record<string, string>;
};

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(label => label.toLowerCase()));
  const right = new Set(b.map(label => label.toLowerCase()));
  return left.size === right.size && [...left].every(label => right.has(label));
}

function utcTime(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

/** The first line of a host's message, shortened: reasons are one line. */
function detail(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > MAX_REASON_DETAIL
    ? `${line.slice(0, MAX_REASON_DETAIL)}…`
    : line;
}

/**
 * Code-host facts from GitHub and GitHub Enterprise Server: README,
 * CONTRIBUTING, CODEOWNERS, license, labelled open issues, last commit and
 * the pull requests of the window with their first responses, read over
 * GraphQL with credentials from `integrations.github`.
 *
 * @public
 */
export class GithubFactsProvider implements CodeHostFactsProvider {
  readonly id = GITHUB_PROVIDER_ID;
  readonly userLoginAnnotation = 'github.com/user-login';

  private readonly integrations: ScmIntegrationRegistry;
  private readonly credentialsProvider: GithubCredentialsProvider;
  private readonly settings: GithubModuleSettings;
  private readonly logger: LoggerService;
  private readonly retryDelayMs?: number;
  private readonly clients = new Map<string, GithubHostClient>();
  /** Hosts that answered with a rate limit, until its reset: nothing is sent to them before. */
  private readonly blockedUntil = new Map<string, Date>();
  /** The last REST answer about a repository whose GraphQL name was not found, for `If-None-Match`. */
  private readonly restAnswers = new Map<
    string,
    { etag: string; fullName: string }
  >();

  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): GithubFactsProvider {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubFactsProvider({
      integrations,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      logger: options.logger,
      settings: readGithubModuleSettings(config),
    });
  }

  constructor(options: GithubFactsProviderOptions) {
    this.integrations = options.integrations;
    this.credentialsProvider =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
    this.settings = { ...DEFAULT_GITHUB_MODULE_SETTINGS, ...options.settings };
    this.logger = options.logger;
    this.retryDelayMs = options.retryDelayMs;
  }

  locate(entity: Entity): CodeHostLocation {
    try {
      return locateGithubRepository(entity, this.integrations);
    } catch (error) {
      this.logger.debug(
        `Could not locate the GitHub repository of ${entity.metadata.name}: ${error}`,
      );
      return undefined;
    }
  }

  async read(
    requests: CodeHostReadRequest[],
    context: {
      budget: CodeHostBudget;
      onResult: (key: string, result: CodeHostReadResult) => Promise<void>;
      signal?: AbortSignal;
      logger: LoggerService;
    },
  ): Promise<void> {
    const byHost = new Map<string, CodeHostReadRequest[]>();
    for (const request of requests) {
      const host = request.repository.host.toLowerCase();
      byHost.set(host, [...(byHost.get(host) ?? []), request]);
    }
    await Promise.all(
      [...byHost.entries()].map(([host, hostRequests]) =>
        this.readHost(host, hostRequests, context),
      ),
    );
  }

  private clientFor(integration: GithubIntegration): GithubHostClient {
    const host = integration.config.host.toLowerCase();
    let client = this.clients.get(host);
    if (!client) {
      client = new GithubHostClient({
        integration,
        concurrency: this.settings.concurrencyPerHost,
        requestTimeoutMs: this.settings.requestTimeoutMs,
        retryDelayMs: this.retryDelayMs,
      });
      this.clients.set(host, client);
    }
    return client;
  }

  private hostBlockedUntil(host: string): Date | undefined {
    const until = this.blockedUntil.get(host);
    if (until && until.getTime() > Date.now()) {
      return until;
    }
    this.blockedUntil.delete(host);
    return undefined;
  }

  private async readHost(
    host: string,
    requests: CodeHostReadRequest[],
    context: Parameters<GithubFactsProvider['read']>[1],
  ): Promise<void> {
    const integration = this.integrations.github.byHost(host);
    if (!integration) {
      for (const request of requests) {
        await context.onResult(request.key, {
          outcome: 'failed',
          reason: `host "${host}" is not configured under integrations.github; add it to read ${request.repository.slug}`,
        });
      }
      return;
    }
    const cycle: HostCycle = {
      host,
      client: this.clientFor(integration),
      integration,
      budget: context.budget,
      signal: context.signal,
      logger: context.logger,
      report: (request, result) => context.onResult(request.key, result),
      stopped: false,
      rateLimitLogged: false,
    };

    const blocked = this.hostBlockedUntil(host);
    if (blocked) {
      this.logRateLimit(cycle, blocked);
      for (const request of requests) {
        await this.reportBlocked(cycle, request, blocked);
      }
      return;
    }

    const targets: ReadTarget[] = [];
    for (const request of requests) {
      if (context.signal?.aborted) {
        return;
      }
      try {
        const credentials = await this.credentialsProvider.getCredentials({
          url: request.repository.url,
        });
        if (!credentials.token && !credentials.headers) {
          // Backstage falls back to anonymous access, which GitHub's GraphQL API refuses.
          await cycle.report(request, {
            outcome: 'failed',
            reason: `No GitHub credentials for ${
              request.repository.slug
            }: integrations.github gives no token for it; install the GitHub App on ${
              request.repository.slug.split('/')[0]
            } or set integrations.github[].token for ${host}`,
          });
          continue;
        }
        targets.push({ request, headers: credentials.headers });
      } catch (error) {
        await cycle.report(request, {
          outcome: 'failed',
          reason: `No GitHub credentials for ${
            request.repository.slug
          }: ${detail(
            String((error as Error)?.message ?? error),
          )}; install the GitHub App on its owner or set integrations.github[].token for ${host}`,
        });
      }
    }

    const changed = await this.detectChanges(cycle, targets);
    await this.readAll(cycle, changed);
  }

  /**
   * Asks for the change marks of the repositories read before with the same
   * labels and window, in batches of one query, and reports the unchanged
   * ones. Returns what still needs a full read, in the order given.
   */
  private async detectChanges(
    cycle: HostCycle,
    targets: ReadTarget[],
  ): Promise<ReadTarget[]> {
    const settled = new Set<ReadTarget>();
    const candidates = targets.filter(({ request }) => {
      const previous = request.previous;
      return (
        previous?.changeToken !== undefined &&
        previous.windowDays === request.windowDays &&
        sameLabels(previous.issueLabels, request.issueLabels)
      );
    });
    // One query carries one token: a GitHub App has a token per owner.
    const byCredentials = new Map<string, ReadTarget[]>();
    for (const target of candidates) {
      const key =
        target.headers?.Authorization ?? target.headers?.authorization ?? '';
      byCredentials.set(key, [...(byCredentials.get(key) ?? []), target]);
    }
    const batches: ReadTarget[][] = [];
    for (const group of byCredentials.values()) {
      for (
        let start = 0;
        start < group.length;
        start += this.settings.changeDetectionBatchSize
      ) {
        batches.push(
          group.slice(start, start + this.settings.changeDetectionBatchSize),
        );
      }
    }

    for (const batch of batches) {
      if (cycle.stopped || cycle.signal?.aborted) {
        break;
      }
      if (this.hostBlockedUntil(cycle.host)) {
        break;
      }
      const { query, variables, estimatedCost } = changeDetectionQuery(
        batch.map(({ request }) => {
          const [owner, name] = request.repository.slug.split('/');
          return { owner, name, issueLabels: request.issueLabels };
        }),
      );
      if (!cycle.budget.take(estimatedCost)) {
        cycle.stopped = true;
        break;
      }
      let data: Record<string, unknown> | null;
      try {
        const answer = await cycle.client.graphql<Record<string, unknown>>(
          query,
          variables,
          { headers: batch[0].headers, signal: cycle.signal },
        );
        data = answer.data;
      } catch (error) {
        const failure = error as GithubRequestFailure;
        if (failure.kind === 'rate-limited' && failure.until) {
          this.block(cycle, failure.until);
          break;
        }
        if (failure.kind === 'aborted') {
          cycle.stopped = true;
          break;
        }
        // Without marks nothing is known about these: they are read in full, which reports its own failure.
        continue;
      }
      this.spendBeyondEstimate(
        cycle,
        data?.rateLimit as RateLimitAnswer | undefined,
        estimatedCost,
      );
      for (const [index, target] of batch.entries()) {
        const marks = data?.[changeDetectionAlias(index)] as
          | ChangeMarks
          | null
          | undefined;
        const token = marks ? changeToken(marks) : undefined;
        if (token && token === target.request.previous?.changeToken) {
          settled.add(target);
          await cycle.report(target.request, {
            outcome: 'unchanged',
            changeToken: token,
          });
        }
      }
    }
    return targets.filter(target => !settled.has(target));
  }

  /** Reads the targets in full, a few at a time, in order, until the budget, the signal or a rate limit stops it. */
  private async readAll(cycle: HostCycle, targets: ReadTarget[]) {
    const queue = [...targets];
    const worker = async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        if (cycle.stopped || cycle.signal?.aborted) {
          return;
        }
        const blocked = this.hostBlockedUntil(cycle.host);
        if (blocked) {
          await this.reportBlocked(cycle, target.request, blocked);
          continue;
        }
        const result = await this.readOne(cycle, target);
        if (result) {
          await cycle.report(target.request, result);
        }
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(this.settings.concurrencyPerHost, queue.length) },
        worker,
      ),
    );
  }

  /** One repository's result, or undefined when the cycle stopped before it was read. */
  private async readOne(
    cycle: HostCycle,
    target: ReadTarget,
  ): Promise<CodeHostReadResult | undefined> {
    const { request } = target;
    const slug = request.repository.slug;
    try {
      try {
        return await this.readFacts(cycle, target, slug);
      } catch (error) {
        if ((error as GithubRequestFailure).kind !== 'not-found') {
          throw error;
        }
        const renamed = await this.resolveRename(cycle, target);
        return await this.readFacts(cycle, target, renamed);
      }
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        cycle.stopped = true;
        return undefined;
      }
      return this.failure(cycle, request, error as GithubRequestFailure);
    }
  }

  private failure(
    cycle: HostCycle,
    request: CodeHostReadRequest,
    failure: GithubRequestFailure,
  ): CodeHostReadResult | undefined {
    const slug = request.repository.slug;
    switch (failure.kind) {
      case 'aborted':
        cycle.stopped = true;
        return undefined;
      case 'rate-limited': {
        const until = failure.until ?? new Date(Date.now() + 60_000);
        this.block(cycle, until);
        return {
          outcome: 'failed',
          reason: `GitHub answered ${
            failure.status
          } (rate limit) for ${slug}; ${
            cycle.host
          } is read again after ${utcTime(until)}`,
          retryAt: until,
        };
      }
      case 'not-found':
        return {
          outcome: 'failed',
          notFound: true,
          reason: `GitHub has no repository ${slug} (renamed, deleted, or the token cannot see it)`,
        };
      case 'unavailable':
        return {
          outcome: 'failed',
          reason: `GitHub did not answer for ${slug} (${
            failure.status && failure.status >= 500
              ? `${failure.status}`
              : detail(failure.message)
          }, also on the retry); the last facts stay in use until the next cycle`,
        };
      default:
        return {
          outcome: 'failed',
          reason: `GitHub answered ${
            failure.status ?? 'an error'
          } for ${slug}: ${detail(
            failure.message,
          )}; check that the token or GitHub App of integrations.github can read it`,
        };
    }
  }

  private block(cycle: HostCycle, until: Date) {
    const current = this.blockedUntil.get(cycle.host);
    if (!current || current < until) {
      this.blockedUntil.set(cycle.host, until);
    }
    this.logRateLimit(cycle, until);
  }

  private logRateLimit(cycle: HostCycle, until: Date) {
    if (!cycle.rateLimitLogged) {
      cycle.rateLimitLogged = true;
      cycle.logger.warn(
        `GitHub host ${
          cycle.host
        } is rate limited; nothing is sent to it until ${until.toISOString()}`,
      );
    }
  }

  private async reportBlocked(
    cycle: HostCycle,
    request: CodeHostReadRequest,
    until: Date,
  ) {
    await cycle.report(request, {
      outcome: 'failed',
      reason: `${cycle.host} is rate limited until ${utcTime(until)}; ${
        request.repository.slug
      } was not read`,
      retryAt: until,
    });
  }

  private take(cycle: HostCycle, cost: number) {
    if (cycle.signal?.aborted) {
      throw new GithubRequestFailure('aborted', 'the read was aborted');
    }
    if (!cycle.budget.take(cost)) {
      throw new BudgetExhausted();
    }
  }

  /** The estimate was taken before sending; what GitHub says it cost beyond it is taken after. */
  private spendBeyondEstimate(
    cycle: HostCycle,
    rateLimit: RateLimitAnswer | null | undefined,
    estimate: number,
  ) {
    const extra = (rateLimit?.cost ?? estimate) - estimate;
    if (extra > 0 && !cycle.budget.take(extra)) {
      cycle.stopped = true;
    }
  }

  /**
   * GraphQL does not know the name: REST follows GitHub's redirect for a
   * renamed or moved repository. Answers the current slug, or throws
   * not-found when the repository is gone.
   */
  private async resolveRename(
    cycle: HostCycle,
    target: ReadTarget,
  ): Promise<string> {
    const { request } = target;
    const slug = request.repository.slug;
    const known = this.restAnswers.get(request.key);
    this.take(cycle, 1);
    const answer = await cycle.client.getRepository(slug, {
      headers: target.headers,
      etag: known?.etag,
      signal: cycle.signal,
    });
    const fullName = answer?.fullName ?? known?.fullName;
    if (answer?.etag && answer.fullName) {
      this.restAnswers.set(request.key, {
        etag: answer.etag,
        fullName: answer.fullName,
      });
    }
    if (!fullName || fullName.toLowerCase() === slug.toLowerCase()) {
      throw new GithubRequestFailure(
        'refused',
        `REST knows ${slug} but GraphQL does not; the token or GitHub App may lack access to its contents`,
        200,
      );
    }
    return fullName;
  }

  private async readFacts(
    cycle: HostCycle,
    target: ReadTarget,
    slug: string,
  ): Promise<CodeHostReadResult> {
    const { request } = target;
    const [owner, name] = slug.split('/');
    const pageSize = this.settings.pullRequestPageSize;
    const withIssues = request.issueLabels.length > 0;
    const cost = repositoryFactsCost(pageSize, withIssues);
    this.take(cycle, cost);
    const answer = await cycle.client.graphql<RepositoryFactsData>(
      withIssues
        ? REPOSITORY_FACTS_QUERY.withIssues
        : REPOSITORY_FACTS_QUERY.withoutIssues,
      {
        owner,
        name,
        pageSize,
        ...(withIssues ? { labels: request.issueLabels } : {}),
      },
      { headers: target.headers, signal: cycle.signal },
    );
    this.spendBeyondEstimate(cycle, answer.data?.rateLimit, cost);
    const found = answer.data?.repository;
    if (!found) {
      const notFound = answer.errors.some(error => error.type === 'NOT_FOUND');
      throw new GithubRequestFailure(
        notFound ? 'not-found' : 'refused',
        answer.errors[0]?.message ?? 'GraphQL answered no repository',
        notFound ? 404 : 200,
      );
    }

    const repository: CodeHostRepository =
      found.nameWithOwner.toLowerCase() ===
      request.repository.slug.toLowerCase()
        ? request.repository
        : {
            provider: GITHUB_PROVIDER_ID,
            host: cycle.host,
            slug: found.nameWithOwner,
            url: githubRepositoryUrl(cycle.integration, found.nameWithOwner),
          };
    const pullRequests = await this.readPullRequests(
      cycle,
      target,
      found.nameWithOwner,
      found.pullRequests,
      repository.url,
    );
    const facts: RepositoryFacts = {
      ...repositoryFactsFromAnswer(found, {
        repository,
        issueLabels: request.issueLabels,
      }),
      pullRequests,
    };
    return { outcome: 'read', facts, changeToken: changeToken(found) };
  }

  /**
   * The pull requests opened in the window, newest first, paging while the
   * pages are still inside it, up to the cap. Running out of budget between
   * pages keeps what was read, marked truncated.
   */
  private async readPullRequests(
    cycle: HostCycle,
    target: ReadTarget,
    slug: string,
    firstPage: PullRequestPageAnswer,
    repositoryUrl: string,
  ): Promise<NonNullable<RepositoryFacts['pullRequests']>> {
    const { windowDays } = target.request;
    const since = Date.now() - windowDays * DAY_MS;
    const max = this.settings.maxPullRequestsPerRepository;
    const pageSize = this.settings.pullRequestPageSize;
    const [owner, name] = slug.split('/');
    const items: CodeHostPullRequest[] = [];
    let page: PullRequestPageAnswer | undefined = firstPage;
    let truncated = false;

    while (page) {
      let reachedOlder = false;
      for (const node of page.nodes ?? []) {
        if (!node) {
          continue;
        }
        if (!(Date.parse(node.createdAt) >= since)) {
          reachedOlder = true;
          break;
        }
        if (items.length >= max) {
          truncated = true;
          break;
        }
        items.push(pullRequestFromAnswer(node, repositoryUrl));
      }
      const after: string | null = page.pageInfo.endCursor;
      if (truncated || reachedOlder || !page.pageInfo.hasNextPage || !after) {
        break;
      }
      if (items.length >= max) {
        truncated = true;
        break;
      }
      const cost = pullRequestPageCost(pageSize);
      if (cycle.signal?.aborted) {
        truncated = true;
        break;
      }
      if (!cycle.budget.take(cost)) {
        cycle.stopped = true;
        truncated = true;
        break;
      }
      const answer: GraphqlAnswer<PullRequestPageData> =
        await cycle.client.graphql<PullRequestPageData>(
          PULL_REQUEST_PAGE_QUERY,
          { owner, name, pageSize, after },
          { headers: target.headers, signal: cycle.signal },
        );
      this.spendBeyondEstimate(cycle, answer.data?.rateLimit, cost);
      page = answer.data?.repository?.pullRequests;
      if (!page) {
        truncated = true;
      }
    }
    return { windowDays, items, truncated };
  }
}
