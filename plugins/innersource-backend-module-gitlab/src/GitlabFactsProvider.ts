import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  GitLabIntegration,
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
  httpUrlOr,
  locateWithoutThrowing,
  sameReadScope,
} from '@innersource/backstage-plugin-innersource-node';
import {
  GitlabChangeMarks,
  changeToken,
  parseChangeToken,
} from './changeToken';
import {
  GitlabAnswer,
  GitlabHostClient,
  GitlabQuery,
} from './client/GitlabHostClient';
import {
  GitlabCommitAnswer,
  GitlabIssueAnswer,
  GitlabListedProject,
  GitlabMergeRequestAnswer,
  GitlabNoteAnswer,
  GitlabProjectAnswer,
  GitlabTreeEntry,
} from './gitlabAnswers';
import {
  GITLAB_PROVIDER_ID,
  gitlabProjectUrl,
  locateGitlabProject,
} from './locateGitlabProject';
import {
  LabelledIssues,
  filesFromTrees,
  firstResponseAt,
  isBotMergeRequest,
  issuesFromLabels,
  mergeRequestFromAnswer,
  spdxIdOfLicenseKey,
} from './projectFacts';
import {
  DEFAULT_GITLAB_MODULE_SETTINGS,
  GitlabModuleSettings,
  readGitlabModuleSettings,
} from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * GitLab moves a project's `last_activity_at` for an event only when it is
 * more than an hour old, so for an hour after it moved, new pushes, issues,
 * merge requests and notes may leave it where it is. A read less than this
 * after the activity it saw cannot trust an unmoved `last_activity_at`
 * (five minutes more for the two clocks).
 */
const ACTIVITY_UPDATE_INTERVAL_MS = 65 * 60 * 1000;
/** The group listing's page size: GitLab's maximum. */
const GROUP_PAGE_SIZE = 100;
/** Labelled issues per page; one page gives a label's count and newest five. */
const ISSUE_PAGE_SIZE = 20;
/** Tree entries per page, GitLab's maximum, and pages read per directory. */
const TREE_PAGE_SIZE = 100;
const MAX_TREE_PAGES = 5;

export type GitlabFactsProviderOptions = {
  integrations: ScmIntegrationRegistry;
  logger: LoggerService;
  settings?: Partial<GitlabModuleSettings>;
  /** Milliseconds before the one retry of a 5xx or timeout. Default 1000. */
  retryDelayMs?: number;
};

type HostCycle = HostReadCycle<GitLabIntegration, GitlabHostClient>;

type ReadTarget = {
  request: CodeHostReadRequest;
  /** The project answer of the change check, when it already read one. */
  project?: GitlabAnswer<GitlabProjectAnswer>;
};

/** A project read before with the same labels and window, on its way through change detection. */
type Candidate = {
  request: CodeHostReadRequest;
  marks: GitlabChangeMarks;
  /** The top-level group, lower case, whose listing may show the project. */
  group: string;
  decision?: 'unchanged' | 'read' | 'check';
  /** The token to report with `unchanged`. */
  token?: string;
  project?: GitlabAnswer<GitlabProjectAnswer>;
  /** The check's own failure, when a full read could only repeat it (the project is gone). */
  failed?: CodeHostReadResult;
};

/** `:id` in GitLab's API: the project path, URL-encoded as one segment. */
function projectPath(path: string): string {
  return `/projects/${encodeURIComponent(path)}`;
}

/** Whether the marks of a listing or project answer are those of the last full read. */
function sameActivity(
  marks: GitlabChangeMarks,
  answer: Pick<
    GitlabListedProject,
    'id' | 'path_with_namespace' | 'last_activity_at'
  >,
): boolean {
  return (
    answer.id === marks.id &&
    answer.path_with_namespace.toLowerCase() === marks.path &&
    Date.parse(answer.last_activity_at) === Date.parse(marks.lastActivityAt)
  );
}

/**
 * Code-host facts from GitLab and GitLab self-managed: README, CONTRIBUTING,
 * CODEOWNERS, license, labelled open issues, last commit and the merge
 * requests of the window with their first responses, read over REST v4 with
 * the hosts and tokens of `integrations.gitlab`.
 *
 * @public
 */
export class GitlabFactsProvider implements CodeHostFactsProvider {
  readonly id = GITLAB_PROVIDER_ID;
  readonly userLoginAnnotation = 'gitlab.com/user-login';

  private readonly integrations: ScmIntegrationRegistry;
  private readonly settings: GitlabModuleSettings;
  private readonly logger: LoggerService;
  private readonly hosts: PerHostReader<GitLabIntegration, GitlabHostClient>;
  /**
   * First responses seen, by host and project id, then merge request iid.
   * The first response of a merge request, once given, stays the first, so
   * its notes are not read again; each project keeps only the merge
   * requests of its last read window.
   */
  private readonly responses = new Map<string, Map<number, string>>();

  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): GitlabFactsProvider {
    return new GitlabFactsProvider({
      integrations: ScmIntegrations.fromConfig(config),
      logger: options.logger,
      settings: readGitlabModuleSettings(config),
    });
  }

  constructor(options: GitlabFactsProviderOptions) {
    this.integrations = options.integrations;
    this.settings = { ...DEFAULT_GITLAB_MODULE_SETTINGS, ...options.settings };
    this.logger = options.logger;
    const { requestTimeoutMs } = this.settings;
    this.hosts = new PerHostReader({
      hostName: 'GitLab',
      integrationsKey: 'gitlab',
      concurrencyPerHost: this.settings.concurrencyPerHost,
      wording: {
        notFound: slug =>
          `GitLab has no project ${slug} (deleted, moved without a redirect, or the token of integrations.gitlab cannot see it)`,
        refusedAdvice: host =>
          `check that the token of integrations.gitlab for ${host} has read_api and can see the project`,
      },
      integrationFor: host => this.integrations.gitlab.byHost(host),
      createClient: (integration, gate) =>
        new GitlabHostClient({
          integration,
          gate,
          requestTimeoutMs,
          retryDelayMs: options.retryDelayMs,
        }),
    });
  }

  locate(entity: Entity): CodeHostLocation {
    return locateWithoutThrowing(entity, {
      what: 'GitLab project',
      logger: this.logger,
      locate: located => locateGitlabProject(located, this.integrations),
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
    const targets = await this.detectChanges(cycle, requests);
    await cycle.readInTurn(targets, target => this.readOne(cycle, target));
  }

  /**
   * Reports `unchanged` for the projects read in full before, with the same
   * labels and window, whose `last_activity_at` has not moved since, and
   * returns the rest, in the order given, for a full read. Per top-level
   * group, one listing of its projects (subgroups included) most recently
   * active first, 100 a page, paged only until every candidate of the group
   * was seen; projects the listing does not show (archived, moved to another
   * group, in a user's namespace, or a group the token cannot list) are
   * asked about one by one with `If-None-Match`.
   */
  private async detectChanges(
    cycle: HostCycle,
    requests: CodeHostReadRequest[],
  ): Promise<ReadTarget[]> {
    const candidates = new Map<CodeHostReadRequest, Candidate>();
    for (const request of requests) {
      const candidate = this.candidateOf(request);
      if (candidate) {
        candidates.set(request, candidate);
      }
    }

    const byGroup = new Map<string, Candidate[]>();
    for (const candidate of candidates.values()) {
      if (candidate.marks.archived) {
        // The listing leaves archived projects out.
        candidate.decision = 'check';
        continue;
      }
      byGroup.set(candidate.group, [
        ...(byGroup.get(candidate.group) ?? []),
        candidate,
      ]);
    }
    for (const [group, groupCandidates] of byGroup) {
      if (!cycle.mayContinue()) {
        break;
      }
      await this.listGroup(cycle, group, groupCandidates);
    }
    for (const candidate of candidates.values()) {
      if (candidate.decision === 'check') {
        if (!cycle.mayContinue()) {
          break;
        }
        await this.checkProject(cycle, candidate);
      }
    }

    const targets: ReadTarget[] = [];
    for (const request of requests) {
      const candidate = candidates.get(request);
      if (candidate?.decision === 'unchanged') {
        await cycle.report(request, {
          outcome: 'unchanged',
          changeToken: candidate.token,
        });
      } else if (candidate?.failed) {
        await cycle.report(request, candidate.failed);
      } else {
        targets.push({ request, project: candidate?.project });
      }
    }
    return targets;
  }

  /** A request whose last full read may still hold, or undefined when it must be read in full. */
  private candidateOf(request: CodeHostReadRequest): Candidate | undefined {
    const previous = request.previous;
    const marks = parseChangeToken(previous?.changeToken);
    if (!previous || !marks || !sameReadScope(request)) {
      return undefined;
    }
    const readAt = Date.parse(marks.readAt);
    // Relabelled issues and edited titles move nothing GitLab lists: a full read now and then catches them.
    if (Date.now() - readAt >= this.settings.fullReadEveryMs) {
      return undefined;
    }
    if (
      readAt <
      Date.parse(marks.lastActivityAt) + ACTIVITY_UPDATE_INTERVAL_MS
    ) {
      return undefined;
    }
    return {
      request,
      marks,
      group: request.repository.slug.split('/')[0].toLowerCase(),
      token: previous.changeToken,
    };
  }

  /**
   * Pages `GET /groups/:group/projects` newest activity first, deciding each
   * candidate it shows. It stops once every candidate was seen, or once the
   * page reaches activity older than the unseen candidates had at their read
   * (activity only moves forward, so they are not in the listing).
   */
  private async listGroup(
    cycle: HostCycle,
    group: string,
    candidates: Candidate[],
  ) {
    const byId = new Map(candidates.map(c => [c.marks.id, c]));
    const byPath = new Map(candidates.map(c => [c.marks.path, c]));
    const unseen = new Set(candidates);
    let page: number | undefined = 1;
    try {
      while (page && unseen.size > 0) {
        if (!cycle.mayContinue()) {
          return;
        }
        const answer: GitlabAnswer<GitlabListedProject[]> = await this.get(
          cycle,
          `/groups/${encodeURIComponent(group)}/projects`,
          {
            include_subgroups: true,
            order_by: 'last_activity_at',
            sort: 'desc',
            per_page: GROUP_PAGE_SIZE,
            page,
            simple: true,
            archived: false,
          },
        );
        const listed = Array.isArray(answer.body) ? answer.body : [];
        for (const project of listed) {
          const candidate =
            byId.get(project.id) ??
            byPath.get(String(project.path_with_namespace).toLowerCase());
          if (!candidate || !unseen.has(candidate)) {
            continue;
          }
          unseen.delete(candidate);
          candidate.decision = sameActivity(candidate.marks, project)
            ? 'unchanged'
            : 'read';
        }
        const oldest = listed.at(-1)?.last_activity_at;
        const stillListable = [...unseen].some(
          candidate =>
            !oldest ||
            Date.parse(candidate.marks.lastActivityAt) <= Date.parse(oldest),
        );
        page = stillListable ? answer.nextPage : undefined;
      }
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        cycle.stop();
        return;
      }
      const failure = error as CodeHostRequestFailure;
      if (failure.kind === 'rate-limited' && failure.until) {
        cycle.rateLimited(failure.until);
        return;
      }
      if (failure.kind === 'aborted') {
        cycle.stop();
        return;
      }
      // A user's namespace, or a group the token cannot list: asked about one by one.
    }
    for (const candidate of unseen) {
      candidate.decision = 'check';
    }
  }

  /**
   * `GET /projects/:id` with the ETag of the last full read: a 304, or the
   * same marks, is unchanged; a changed answer is kept for the full read.
   */
  private async checkProject(cycle: HostCycle, candidate: Candidate) {
    const { marks, request } = candidate;
    try {
      const answer = await this.get<GitlabProjectAnswer>(
        cycle,
        projectPath(request.repository.slug),
        { license: true },
        marks.etag,
      );
      if (answer.status === 304) {
        candidate.decision = 'unchanged';
        return;
      }
      const project = answer.body;
      if (
        project &&
        sameActivity(marks, project) &&
        Boolean(project.archived) === marks.archived
      ) {
        candidate.decision = 'unchanged';
        candidate.token = changeToken({
          ...marks,
          ...(answer.etag ? { etag: answer.etag } : {}),
        });
        return;
      }
      candidate.decision = 'read';
      candidate.project = answer;
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        cycle.stop();
        candidate.decision = undefined;
        return;
      }
      const failure = error as CodeHostRequestFailure;
      if (failure.kind === 'rate-limited' && failure.until) {
        cycle.rateLimited(failure.until);
      } else if (failure.kind === 'aborted') {
        cycle.stop();
      } else if (failure.kind === 'not-found') {
        candidate.failed = cycle.failed(request, failure);
      }
      // Otherwise the full read reports its own failure.
      candidate.decision = 'read';
    }
  }

  /** One project's result, or undefined when the cycle stopped before it was read. */
  private async readOne(
    cycle: HostCycle,
    target: ReadTarget,
  ): Promise<CodeHostReadResult | undefined> {
    try {
      return await this.readFacts(cycle, target);
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        cycle.stop();
        return undefined;
      }
      return cycle.failed(target.request, error as CodeHostRequestFailure);
    }
  }

  private get<T>(
    cycle: HostCycle,
    path: string,
    query: GitlabQuery,
    etag?: string,
  ): Promise<GitlabAnswer<T>> {
    return cycle.client.get<T>(path, query, {
      signal: cycle.signal,
      take: () => cycle.budget.take(1),
      etag,
    });
  }

  /** A listing that is absent (404) answers no entries: a missing directory has no files. */
  private async entriesOrNone<T>(
    cycle: HostCycle,
    path: string,
    query: GitlabQuery,
  ): Promise<{ items: T[]; complete: boolean }> {
    const items: T[] = [];
    for (let page: number | undefined = 1, pages = 0; page; pages++) {
      if (pages >= MAX_TREE_PAGES) {
        return { items, complete: false };
      }
      let answer: GitlabAnswer<T[]>;
      try {
        answer = await this.get<T[]>(cycle, path, {
          ...query,
          per_page: TREE_PAGE_SIZE,
          page,
        });
      } catch (error) {
        if ((error as CodeHostRequestFailure).kind === 'not-found') {
          return { items, complete: true };
        }
        throw error;
      }
      items.push(...(Array.isArray(answer.body) ? answer.body : []));
      page = answer.nextPage;
    }
    return { items, complete: true };
  }

  private async readFacts(
    cycle: HostCycle,
    target: ReadTarget,
  ): Promise<CodeHostReadResult> {
    const { request } = target;
    const readAt = new Date().toISOString();
    const answer =
      target.project ??
      (await this.get<GitlabProjectAnswer>(
        cycle,
        projectPath(request.repository.slug),
        { license: true },
      ));
    const project = answer.body;
    if (!project || typeof project.path_with_namespace !== 'string') {
      throw new CodeHostRequestFailure(
        'refused',
        'the project answer has no path_with_namespace',
        answer.status,
      );
    }
    // A moved project answers under its new path (GitLab redirects the old one); later requests use it.
    const path = project.path_with_namespace;
    const moved = path.toLowerCase() !== request.repository.slug.toLowerCase();
    const fallbackUrl = gitlabProjectUrl(cycle.integration, path);
    const repository: CodeHostRepository = moved
      ? {
          provider: GITLAB_PROVIDER_ID,
          host: cycle.host,
          slug: path,
          url: httpUrlOr(project.web_url, fallbackUrl),
        }
      : request.repository;
    const api = projectPath(path);
    const empty = project.empty_repo === true;
    const branch =
      typeof project.default_branch === 'string' && project.default_branch
        ? project.default_branch
        : undefined;

    const licenseKey = project.license?.key;
    const recognised = Boolean(licenseKey) && licenseKey !== 'other';
    const facts: RepositoryFacts = {
      repository,
      archived: Boolean(project.archived),
      ...(branch ? { defaultBranch: branch } : {}),
    };
    if (empty) {
      // An empty repository has no files and no commit: that is what was seen, not something missing.
      facts.files = filesFromTrees({ root: [], docs: [], gitlab: [] }, false);
      facts.lastCommitAt = null;
    } else if (branch) {
      const tree = (dir?: string) =>
        this.entriesOrNone<GitlabTreeEntry>(cycle, `${api}/repository/tree`, {
          ref: branch,
          path: dir,
        }).then(listing => listing.items);
      const root = await tree();
      const docs = await tree('docs');
      const gitlab = await tree('.gitlab');
      facts.files = filesFromTrees({ root, docs, gitlab }, recognised);
      const commits = await this.get<GitlabCommitAnswer[]>(
        cycle,
        `${api}/repository/commits`,
        { ref_name: branch, per_page: 1 },
      );
      facts.lastCommitAt = commits.body?.[0]?.committed_date ?? null;
    }
    // Otherwise GitLab showed this token no repository (it leaves default_branch out for members who may not read the code): files and last commit were not seen, so they are not reported.
    const spdxId = recognised ? spdxIdOfLicenseKey(licenseKey) : undefined;
    if (spdxId) {
      facts.licenseSpdxId = spdxId;
    }
    if (request.issueLabels.length > 0) {
      facts.issues = issuesFromLabels(
        request.issueLabels,
        await this.readIssues(cycle, api, request.issueLabels),
        repository.url,
      );
    }
    facts.pullRequests = await this.readMergeRequests(
      cycle,
      project.id,
      api,
      request.windowDays,
      repository.url,
    );

    return {
      outcome: 'read',
      facts,
      changeToken: changeToken({
        id: project.id,
        path: path.toLowerCase(),
        lastActivityAt: project.last_activity_at,
        archived: Boolean(project.archived),
        readAt,
        ...(answer.etag ? { etag: answer.etag } : {}),
      }),
    };
  }

  /**
   * Open issues per label, newest first. One label: its first page (count
   * from `X-Total`, newest five). Several: each label paged to the end, up
   * to `maxIssuePagesPerLabel`, for the union.
   */
  private async readIssues(
    cycle: HostCycle,
    api: string,
    labels: string[],
  ): Promise<LabelledIssues[]> {
    const perLabel: LabelledIssues[] = [];
    const maxPages =
      labels.length === 1 ? 1 : this.settings.maxIssuePagesPerLabel;
    for (const label of labels) {
      const seen: LabelledIssues = { label, issues: [], complete: false };
      let page: number | undefined = 1;
      for (let pages = 0; page && pages < maxPages; pages++) {
        const answer: GitlabAnswer<GitlabIssueAnswer[]> = await this.get(
          cycle,
          `${api}/issues`,
          {
            state: 'opened',
            labels: label,
            order_by: 'created_at',
            sort: 'desc',
            per_page: ISSUE_PAGE_SIZE,
            page,
          },
        );
        if (pages === 0) {
          seen.total = answer.total;
        }
        seen.issues.push(...(Array.isArray(answer.body) ? answer.body : []));
        page = answer.nextPage;
      }
      seen.complete = page === undefined;
      perLabel.push(seen);
    }
    return perLabel;
  }

  /**
   * The merge requests opened in the window, newest first, paged through
   * `X-Next-Page` up to `maxMergeRequestsPerProject`, each with its first
   * response from its notes. Beyond the cap, or when the budget runs out
   * part way, the facts keep what was read in full and are marked
   * truncated: a merge request whose notes were not read is left out rather
   * than shown unanswered.
   */
  private async readMergeRequests(
    cycle: HostCycle,
    projectId: number,
    api: string,
    windowDays: number,
    projectUrl: string,
  ): Promise<NonNullable<RepositoryFacts['pullRequests']>> {
    const max = this.settings.maxMergeRequestsPerProject;
    const createdAfter = new Date(
      Date.now() - windowDays * DAY_MS,
    ).toISOString();
    const listed: GitlabMergeRequestAnswer[] = [];
    let truncated = false;
    let page: number | undefined = 1;
    while (page) {
      if (listed.length >= max) {
        truncated = true;
        break;
      }
      let answer: GitlabAnswer<GitlabMergeRequestAnswer[]>;
      try {
        answer = await this.get(cycle, `${api}/merge_requests`, {
          state: 'all',
          created_after: createdAfter,
          order_by: 'created_at',
          sort: 'desc',
          per_page: this.settings.mergeRequestPageSize,
          page,
        });
      } catch (error) {
        if (error instanceof BudgetExhausted && page > 1) {
          cycle.stop();
          truncated = true;
          break;
        }
        throw error;
      }
      const items = Array.isArray(answer.body) ? answer.body : [];
      const room = max - listed.length;
      if (items.length > room) {
        truncated = true;
      }
      listed.push(...items.slice(0, room));
      page = answer.nextPage;
    }

    const projectKey = `${cycle.host}|${projectId}`;
    const known = this.responses.get(projectKey) ?? new Map<number, string>();
    const seen = new Map<number, string>();
    const items: CodeHostPullRequest[] = [];
    for (const mergeRequest of listed) {
      let response: string | undefined;
      try {
        response =
          known.get(mergeRequest.iid) ??
          (await this.firstResponse(cycle, api, mergeRequest));
      } catch (error) {
        if (error instanceof BudgetExhausted) {
          cycle.stop();
          truncated = true;
          break;
        }
        throw error;
      }
      if (response) {
        seen.set(mergeRequest.iid, response);
      }
      items.push(mergeRequestFromAnswer(mergeRequest, projectUrl, response));
    }
    for (const mergeRequest of listed) {
      const response = known.get(mergeRequest.iid);
      if (response && !seen.has(mergeRequest.iid)) {
        seen.set(mergeRequest.iid, response);
      }
    }
    this.responses.set(projectKey, seen);
    return { windowDays, items, truncated };
  }

  /** The first response of one merge request, from its first page of notes. */
  private async firstResponse(
    cycle: HostCycle,
    api: string,
    mergeRequest: GitlabMergeRequestAnswer,
  ): Promise<string | undefined> {
    // A bot's merge request never counts as a contribution: its responses do not matter.
    if (isBotMergeRequest(mergeRequest)) {
      return undefined;
    }
    const notes = await this.get<GitlabNoteAnswer[]>(
      cycle,
      `${api}/merge_requests/${mergeRequest.iid}/notes`,
      {
        sort: 'asc',
        order_by: 'created_at',
        per_page: this.settings.notesPageSize,
      },
    );
    return firstResponseAt(
      mergeRequest.author,
      Array.isArray(notes.body) ? notes.body : [],
    );
  }
}
