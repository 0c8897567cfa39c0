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
  BudgetExhausted,
  CodeHostReadContext,
  CodeHostFactsProvider,
  CodeHostLocation,
  CodeHostReadRequest,
  CodeHostReadResult,
  CodeHostRequestFailure,
  HostReadCycle,
  PerHostReader,
  locateWithoutThrowing,
  oneLineDetail,
  sameReadScope,
} from '@innersource/backstage-plugin-innersource-node';
import { GithubHostClient, GraphqlAnswer } from './client/GithubHostClient';
import {
  GITHUB_PROVIDER_ID,
  githubRepositoryUrl,
  locateGithubRepository,
} from './locateGithubRepository';
import {
  ChangeTokenMarks,
  PushMarks,
  changeToken,
  parseChangeToken,
  pushMarksMoved,
} from './queries/changeMarks';
import {
  ActivitySearchAnswer,
  ActivitySearchPage,
  RepositoryActivityAnswer,
  RepositoryChangesData,
  RepositoryName,
  SEARCH_PAGE_SIZE,
  SEARCH_RESULT_LIMIT,
  activitySearchText,
  repositoryActivityQuery,
  repositoryAlias,
  repositoryChangesQuery,
  searchAlias,
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
/**
 * How far behind GitHub's search index may be: activity is searched from
 * this long before the last read, so an update the index had not taken in
 * at that read is still found.
 */
const SEARCH_INDEX_LAG_MS = 10 * 60 * 1000;
/** Repositories read this long before the most recent of their owner's are checked one by one instead of widening the owner's search. */
const SEARCH_SPAN_MS = DAY_MS;
/** Activity searches sent in one query at most; each one is a connection GitHub charges a request for. */
const SEARCHES_PER_QUERY = 10;

export type GithubFactsProviderOptions = {
  integrations: ScmIntegrationRegistry;
  /** Where tokens come from; by default Backstage's, from `integrations.github` (GitHub Apps first, then the token). */
  credentialsProvider?: GithubCredentialsProvider;
  logger: LoggerService;
  settings?: Partial<GithubModuleSettings>;
  /** Milliseconds before the one retry of a 5xx or timeout. Default 1000. */
  retryDelayMs?: number;
};

type HostCycle = HostReadCycle<GithubIntegration, GithubHostClient>;

type ReadTarget = {
  request: CodeHostReadRequest;
  headers?: Record<string, string>;
};

/** A repository read before with the same labels and window, on its way through change detection. */
type DetectionCandidate = {
  target: ReadTarget;
  name: RepositoryName;
  /** Lower case, as search results are matched. */
  owner: string;
  slug: string;
  previousToken: string;
  token: ChangeTokenMarks;
  /** Epoch ms: activity updated at or after this happened after the last read (less the index's lag). */
  since: number;
  /** Its push marks once asked for; null when GitHub answered none. */
  marks?: PushMarks | null;
  /** Checked one by one: read long before the rest of its owner's. */
  oneByOne?: boolean;
  decision?: 'unchanged' | 'read' | 'check-activity';
};

/** The activity search of one owner's repositories, page by page. */
type OwnerSearch = {
  page: ActivitySearchPage;
  pages: number;
  /** `fallback`: too many results, or no answer: the owner's repositories are checked one by one. */
  status: 'pending' | 'done' | 'fallback';
  /** The latest update seen per repository (lower-case `owner/name`), epoch ms. */
  hits: Map<string, number>;
};

function detectionCandidate(
  target: ReadTarget,
): DetectionCandidate | undefined {
  const { request } = target;
  const previous = request.previous;
  const token = parseChangeToken(previous?.changeToken);
  const readAt = Date.parse(previous?.readAt ?? '');
  if (
    !previous?.changeToken ||
    !token ||
    !Number.isFinite(readAt) ||
    !sameReadScope(request)
  ) {
    return undefined;
  }
  const [owner, name] = request.repository.slug.split('/');
  return {
    target,
    name: { owner, name },
    owner: owner.toLowerCase(),
    slug: request.repository.slug.toLowerCase(),
    previousToken: previous.changeToken,
    token,
    since: readAt - SEARCH_INDEX_LAG_MS,
  };
}

/** Whether the per-repository activity check shows a change since the candidate's last read. */
function activitySince(
  candidate: DetectionCandidate,
  activity: RepositoryActivityAnswer,
): boolean {
  const after = (at: string | undefined) =>
    at !== undefined && Date.parse(at) >= candidate.since;
  if (
    pushMarksMoved(candidate.token, activity) ||
    after(activity.latestPullRequest.nodes?.[0]?.updatedAt)
  ) {
    return true;
  }
  if (candidate.target.request.issueLabels.length === 0) {
    return false;
  }
  const issues = activity.latestIssue;
  return (
    !issues ||
    issues.totalCount !== candidate.token.openIssues ||
    after(issues.nodes?.[0]?.updatedAt)
  );
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
  private readonly hosts: PerHostReader<GithubIntegration, GithubHostClient>;
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
    const { requestTimeoutMs } = this.settings;
    this.hosts = new PerHostReader({
      hostName: 'GitHub',
      integrationsKey: 'github',
      concurrencyPerHost: this.settings.concurrencyPerHost,
      wording: {
        notFound: slug =>
          `GitHub has no repository ${slug} (renamed, deleted, or the token cannot see it)`,
        refusedAdvice: () =>
          'check that the token or GitHub App of integrations.github can read it',
      },
      integrationFor: host => this.integrations.github.byHost(host),
      createClient: (integration, gate) =>
        new GithubHostClient({
          integration,
          gate,
          requestTimeoutMs,
          retryDelayMs: options.retryDelayMs,
        }),
    });
  }

  locate(entity: Entity): CodeHostLocation {
    return locateWithoutThrowing(entity, {
      what: 'GitHub repository',
      logger: this.logger,
      locate: located => locateGithubRepository(located, this.integrations),
    });
  }

  async read(
    requests: CodeHostReadRequest[],
    context: CodeHostReadContext,
  ): Promise<void> {
    await this.hosts.read(requests, context, (cycle, hostRequests) =>
      this.readHost(cycle, hostRequests),
    );
  }

  private async readHost(
    cycle: HostCycle,
    requests: CodeHostReadRequest[],
  ): Promise<void> {
    const host = cycle.host;
    const targets: ReadTarget[] = [];
    for (const request of requests) {
      if (cycle.signal?.aborted) {
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
          }: ${oneLineDetail(
            String((error as Error)?.message ?? error),
          )}; install the GitHub App on its owner or set integrations.github[].token for ${host}`,
        });
      }
    }

    const changed = await this.detectChanges(cycle, targets);
    await cycle.readInTurn(changed, target => this.readOne(cycle, target));
  }

  /**
   * Reports `unchanged` for the repositories read before with the same
   * labels and window that nothing happened to since, and returns what still
   * needs a full read, in the order given. Per token (a GitHub App has one
   * per owner): the push marks of every repository in scalar-only queries
   * (one point each), with one activity search per owner riding along (every
   * issue and pull request updated since the owner's oldest read); owners
   * with more activity than the search may page through, and repositories
   * read long before the rest of their owner's, get the per-repository
   * activity check instead. A repository is unchanged when its push marks
   * are as in its token and no issue or pull request of it was updated after
   * its last read (less the search index's lag).
   */
  private async detectChanges(
    cycle: HostCycle,
    targets: ReadTarget[],
  ): Promise<ReadTarget[]> {
    const settled = new Set<ReadTarget>();
    // One query carries one token: a GitHub App has a token per owner.
    const byCredentials = new Map<string, DetectionCandidate[]>();
    for (const target of targets) {
      const candidate = detectionCandidate(target);
      if (!candidate) {
        continue;
      }
      const key =
        target.headers?.Authorization ?? target.headers?.authorization ?? '';
      byCredentials.set(key, [...(byCredentials.get(key) ?? []), candidate]);
    }
    for (const group of byCredentials.values()) {
      const finished = await this.detectGroupChanges(cycle, group, settled);
      if (!finished) {
        break;
      }
    }
    return targets.filter(target => !settled.has(target));
  }

  /** One token's repositories; answers false when the cycle must stop (budget, abort, rate limit). */
  private async detectGroupChanges(
    cycle: HostCycle,
    group: DetectionCandidate[],
    settled: Set<ReadTarget>,
  ): Promise<boolean> {
    const searches = this.ownerSearches(group);
    const settle = async (candidate: DetectionCandidate) => {
      candidate.decision = 'unchanged';
      settled.add(candidate.target);
      await cycle.report(candidate.target.request, {
        outcome: 'unchanged',
        changeToken: candidate.previousToken,
      });
    };
    const decideReady = async () => {
      for (const candidate of group) {
        if (candidate.decision || candidate.marks === undefined) {
          continue;
        }
        if (
          candidate.marks === null ||
          pushMarksMoved(candidate.token, candidate.marks)
        ) {
          candidate.decision = 'read';
          continue;
        }
        const search = searches.get(candidate.owner);
        if (candidate.oneByOne || !search || search.status === 'fallback') {
          candidate.decision = 'check-activity';
        } else if (search.status === 'done') {
          const lastUpdate = search.hits.get(candidate.slug);
          if (lastUpdate !== undefined && lastUpdate >= candidate.since) {
            candidate.decision = 'read';
          } else {
            await settle(candidate);
          }
        }
      }
    };

    const batchSize = this.settings.pushCheckBatchSize;
    const batches: DetectionCandidate[][] = [];
    for (let start = 0; start < group.length; start += batchSize) {
      batches.push(group.slice(start, start + batchSize));
    }
    const pending = () =>
      [...searches.values()].filter(search => search.status === 'pending');
    while (batches.length > 0 || pending().length > 0) {
      if (!cycle.mayContinue()) {
        return false;
      }
      const batch = batches.shift() ?? [];
      const riding = pending().slice(0, SEARCHES_PER_QUERY);
      const { query, variables, estimatedCost } = repositoryChangesQuery({
        repositories: batch.map(candidate => candidate.name),
        searches: riding.map(search => search.page),
      });
      if (!cycle.budget.take(estimatedCost)) {
        cycle.stop();
        return false;
      }
      const answer = await this.detectionAnswer<RepositoryChangesData>(
        cycle,
        query,
        variables,
        batch[0]?.target ?? group[0].target,
      );
      if (answer === 'stop') {
        return false;
      }
      this.spendBeyondEstimate(cycle, answer?.rateLimit, estimatedCost);
      batch.forEach((candidate, index) => {
        // Without marks nothing is known about it: it is read in full, which reports its own failure.
        candidate.marks =
          (answer?.[repositoryAlias(index)] as PushMarks | null | undefined) ??
          null;
      });
      riding.forEach((search, index) =>
        this.takeSearchPage(
          search,
          answer?.[searchAlias(index)] as ActivitySearchAnswer | null,
        ),
      );
      await decideReady();
    }

    const toCheck = group.filter(
      candidate => candidate.decision === 'check-activity',
    );
    return this.checkActivity(cycle, toCheck, settle);
  }

  /**
   * The activity search of each owner, over the repositories read within a
   * day of the owner's most recent read; the others are checked one by one,
   * so that a repository not read for weeks does not widen the search.
   */
  private ownerSearches(group: DetectionCandidate[]) {
    const byOwner = new Map<string, DetectionCandidate[]>();
    for (const candidate of group) {
      byOwner.set(candidate.owner, [
        ...(byOwner.get(candidate.owner) ?? []),
        candidate,
      ]);
    }
    const searches = new Map<string, OwnerSearch>();
    for (const [owner, candidates] of byOwner) {
      const newest = Math.max(...candidates.map(c => c.since));
      const recent = candidates.filter(c => c.since >= newest - SEARCH_SPAN_MS);
      for (const candidate of candidates) {
        candidate.oneByOne = !recent.includes(candidate);
      }
      const since = Math.min(...recent.map(c => c.since));
      const query = activitySearchText(
        candidates[0].name.owner,
        new Date(since),
      );
      if (query) {
        searches.set(owner, {
          page: { query, after: null },
          pages: 0,
          status: 'pending',
          hits: new Map(),
        });
      }
    }
    return searches;
  }

  private takeSearchPage(
    search: OwnerSearch,
    answer: ActivitySearchAnswer | null | undefined,
  ) {
    const maxPages = this.settings.activitySearchMaxPages;
    if (!answer) {
      search.status = 'fallback';
      return;
    }
    search.pages += 1;
    for (const hit of answer.nodes ?? []) {
      if (hit && 'repository' in hit && hit.repository) {
        const slug = hit.repository.nameWithOwner.toLowerCase();
        const at = Date.parse(hit.updatedAt);
        search.hits.set(slug, Math.max(search.hits.get(slug) ?? at, at));
      }
    }
    const servable = Math.min(maxPages * SEARCH_PAGE_SIZE, SEARCH_RESULT_LIMIT);
    const { hasNextPage, endCursor } = answer.pageInfo;
    if (answer.issueCount > servable) {
      search.status = 'fallback';
    } else if (hasNextPage && endCursor) {
      search.status = search.pages < maxPages ? 'pending' : 'fallback';
      search.page = { ...search.page, after: endCursor };
    } else {
      search.status = 'done';
    }
    if (search.status === 'fallback') {
      search.hits.clear();
    }
  }

  /**
   * The per-repository activity check: the newest pull request and labelled
   * open issue updates and the open count, against the last read.
   */
  private async checkActivity(
    cycle: HostCycle,
    candidates: DetectionCandidate[],
    settle: (candidate: DetectionCandidate) => Promise<void>,
  ): Promise<boolean> {
    const batchSize = this.settings.changeDetectionBatchSize;
    for (let start = 0; start < candidates.length; start += batchSize) {
      if (!cycle.mayContinue()) {
        return false;
      }
      const batch = candidates.slice(start, start + batchSize);
      const { query, variables, estimatedCost } = repositoryActivityQuery(
        batch.map(candidate => ({
          ...candidate.name,
          issueLabels: candidate.target.request.issueLabels,
        })),
      );
      if (!cycle.budget.take(estimatedCost)) {
        cycle.stop();
        return false;
      }
      const answer = await this.detectionAnswer<
        Record<string, RepositoryActivityAnswer | null>
      >(cycle, query, variables, batch[0].target);
      if (answer === 'stop') {
        return false;
      }
      this.spendBeyondEstimate(
        cycle,
        answer?.rateLimit as RateLimitAnswer | null | undefined,
        estimatedCost,
      );
      for (const [index, candidate] of batch.entries()) {
        const activity = answer?.[repositoryAlias(index)];
        if (activity && !activitySince(candidate, activity)) {
          await settle(candidate);
        } else {
          candidate.decision = 'read';
        }
      }
    }
    return true;
  }

  /**
   * Sends one change-detection query. `'stop'` after a rate limit (the host
   * is blocked) or an abort; undefined for any other failure, which leaves
   * the repositories to their full read.
   */
  private async detectionAnswer<T>(
    cycle: HostCycle,
    query: string,
    variables: Record<string, unknown>,
    target: ReadTarget,
  ): Promise<T | undefined | 'stop'> {
    try {
      const answer = await cycle.client.graphql<T>(query, variables, {
        headers: target.headers,
        signal: cycle.signal,
      });
      return answer.data ?? undefined;
    } catch (error) {
      const failure = error as CodeHostRequestFailure;
      if (failure.kind === 'rate-limited' && failure.until) {
        cycle.rateLimited(failure.until);
        return 'stop';
      }
      if (failure.kind === 'aborted') {
        cycle.stop();
        return 'stop';
      }
      return undefined;
    }
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
        if ((error as CodeHostRequestFailure).kind !== 'not-found') {
          throw error;
        }
        const renamed = await this.resolveRename(cycle, target);
        return await this.readFacts(cycle, target, renamed);
      }
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        cycle.stop();
        return undefined;
      }
      return cycle.failed(request, error as CodeHostRequestFailure);
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
      cycle.stop();
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
    cycle.take(1);
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
      throw new CodeHostRequestFailure(
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
    cycle.take(cost);
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
      throw new CodeHostRequestFailure(
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
    return {
      outcome: 'read',
      facts,
      changeToken: changeToken(
        found,
        withIssues ? found.issues?.totalCount : undefined,
      ),
    };
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
        cycle.stop();
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
