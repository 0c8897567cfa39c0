import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CodeHostIssue,
  EntityCodeHostSummary,
  issuesWithLabels,
  parseInnerSourceAnnotations,
  ScorecardCodeHostFacts,
  scorecardCodeHostFacts,
} from '@innersource/backstage-plugin-innersource-common';
import { ownerRefOf } from '../scorecards/catalogFacts';
import { AuthorDirectory } from './AuthorDirectory';
import { CodeHostFactsStore, StoredRepository } from './CodeHostFactsStore';
import { CodeHostProviders } from './CodeHostProviders';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** What the scoring of one entity gets from the stored code-host facts. */
export type EntityCodeHostFacts = {
  /** The facts the checks read; absent when there are none to use. */
  codeHost?: ScorecardCodeHostFacts;
  /** Why they are absent, with the fix: the evidence of the not-reported checks. */
  codeHostUnavailable?: string;
  /** What the scorecard shows about them. */
  summary: EntityCodeHostSummary;
};

/** `9 days`, `5 hours`, `1 minute`: an age as people say it. */
export function describeAge(ms: number): string {
  const unit = (value: number, name: string) =>
    `${value} ${name}${value === 1 ? '' : 's'}`;
  if (ms >= DAY_MS) {
    return unit(Math.floor(ms / DAY_MS), 'day');
  }
  if (ms >= HOUR_MS) {
    return unit(Math.floor(ms / HOUR_MS), 'hour');
  }
  return unit(Math.max(0, Math.floor(ms / MINUTE_MS)), 'minute');
}

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/**
 * The code-host facts of entities as the scoring uses them: the stored facts
 * of each entity's repository when they are at most `maxAge` old, with the
 * contributions worked out from the catalog, or the reason there are none.
 */
export class CodeHostScoringFacts {
  constructor(
    private readonly options: {
      providers: CodeHostProviders;
      store: CodeHostFactsStore;
      catalog: CatalogService;
      /** Facts older than this are not used. */
      maxAgeMs: number;
      /** The window contributions are counted over, in days. */
      windowDays: number;
      clock?: () => Date;
    },
  ) {}

  /**
   * A reader for one scoring cycle: the authors and teams it looks up in the
   * catalog are kept until the cycle ends, and each page of entities has its
   * stored facts loaded in one query.
   */
  forCycle(credentials: BackstageCredentials) {
    const directory = new AuthorDirectory({
      catalog: this.options.catalog,
      credentials,
    });
    return {
      factsOf: (entities: Entity[]) => this.factsOf(entities, directory),
    };
  }

  private async factsOf(
    entities: Entity[],
    directory: AuthorDirectory,
  ): Promise<EntityCodeHostFacts[]> {
    const { providers, store, maxAgeMs, windowDays } = this.options;
    const now = this.now();
    const located = entities.map(entity => ({
      entity,
      location: providers.locate(entity),
    }));
    const stored = await store.getRepositories(
      located.flatMap(({ location }) =>
        'key' in location ? [location.key] : [],
      ),
    );
    const isFresh = (
      row?: StoredRepository,
    ): row is StoredRepository &
      Required<Pick<StoredRepository, 'facts' | 'readAt'>> =>
      Boolean(
        row?.facts &&
          row.readAt &&
          !row.notFound &&
          now.getTime() - row.readAt.getTime() <= maxAgeMs,
      );

    const subjects = located.map(({ entity, location }) => {
      const row = 'key' in location ? stored.get(location.key) : undefined;
      return {
        entity,
        location,
        row,
        owner: ownerRefOf(entity),
        loginAnnotation:
          'key' in location ? location.provider.userLoginAnnotation : '',
      };
    });
    await directory.prepare(
      subjects
        .filter(({ row }) => isFresh(row))
        .map(({ row, owner, loginAnnotation }) => ({
          pullRequests: row!.facts!.pullRequests,
          loginAnnotation,
          owner,
        })),
    );

    return subjects.map(({ entity, location, row, owner, loginAnnotation }) => {
      if (!('key' in location)) {
        return this.unavailable(
          { status: 'unavailable' },
          location.unavailable,
        );
      }
      const base: EntityCodeHostSummary = {
        status: 'pending',
        repository: location.repository,
        ...(row?.readAt ? { readAt: row.readAt.toISOString() } : {}),
        ...failureAfterRead(row),
      };
      const lastFailure = failureAfterRead(row).lastFailure;
      const failure = lastFailure
        ? `; the last attempt failed: ${lastFailure}`
        : '';
      if (row?.notFound) {
        return this.unavailable(
          { ...base, status: 'unavailable' },
          row.lastFailure ??
            `the code host has no repository ${location.repository.slug}`,
        );
      }
      if (!row?.facts || !row.readAt) {
        return this.unavailable(
          base,
          `${location.repository.url} has not been read from the code host yet; its facts come with the next code-host cycle${failure}`,
        );
      }
      if (!isFresh(row)) {
        const age = now.getTime() - row.readAt.getTime();
        return this.unavailable(
          { ...base, status: 'expired' },
          `last read ${describeAge(
            age,
          )} ago, longer ago than innersource.codeHost.maxAge (${describeAge(
            maxAgeMs,
          )})${failure}`,
        );
      }

      const { facts } = row;
      const issueLabels =
        parseInnerSourceAnnotations(entity).profile.issueLabels;
      const contributions = directory.contributionsOf({
        pullRequests: facts.pullRequests,
        loginAnnotation,
        owner,
        now,
        windowDays,
      });
      const issues = facts.issues
        ? issuesWithLabels(facts.issues, issueLabels)
        : undefined;
      const newestIssues: CodeHostIssue[] | undefined = issues?.newest.filter(
        issue => isWebLink(issue.url),
      );
      return {
        codeHost: scorecardCodeHostFacts(facts, {
          issueLabels,
          contributions,
          readAt: row.readAt.toISOString(),
        }),
        summary: {
          ...base,
          status: 'fresh',
          ...(facts.lastCommitAt !== undefined
            ? { lastCommitAt: facts.lastCommitAt }
            : {}),
          ...(issues
            ? { openIssues: issues.openCount, newestIssues: newestIssues! }
            : {}),
          ...(contributions ? { contributions } : {}),
        },
      };
    });
  }

  private unavailable(
    summary: EntityCodeHostSummary,
    reason: string,
  ): EntityCodeHostFacts {
    return {
      codeHostUnavailable: reason,
      summary: { ...summary, reason },
    };
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

/** The last failure, when it came after the last good read. */
function failureAfterRead(
  row?: StoredRepository,
): Pick<EntityCodeHostSummary, 'lastFailure' | 'lastFailureAt'> {
  if (
    !row?.lastFailure ||
    !row.lastFailureAt ||
    (row.readAt && row.lastFailureAt <= row.readAt)
  ) {
    return {};
  }
  return {
    lastFailure: row.lastFailure,
    lastFailureAt: row.lastFailureAt.toISOString(),
  };
}
