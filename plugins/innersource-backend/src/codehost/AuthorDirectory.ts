import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CodeHostAuthorIdentity,
  ContributionSummary,
  RepositoryFacts,
  summarizeContributions,
} from '@innersource/backstage-plugin-innersource-common';
import { REFS_PER_REQUEST } from '../lib/catalogRequests';
import { lowerCase } from '../lib/lowerCase';

/** Logins per catalog query: the filter travels in the query string. */
const LOGINS_PER_QUERY = 50;
const USER_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
  'relations',
  'spec.memberOf',
];
const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'relations',
  'spec.children',
];

const UNKNOWN: CodeHostAuthorIdentity = { kind: 'unknown' };

/** Full, lower-case refs of `values` (group refs unless they say otherwise). */
function refsOf(values: unknown, namespace: string): string[] {
  if (!Array.isArray(values)) {
    return [];
  }
  return values.flatMap(value => {
    if (typeof value !== 'string' || value.trim() === '') {
      return [];
    }
    try {
      return [
        lowerCase(
          stringifyEntityRef(
            parseEntityRef(value.trim(), {
              defaultKind: 'group',
              defaultNamespace: namespace,
            }),
          ),
        ),
      ];
    } catch {
      return [];
    }
  });
}

/** The targets of the entity's relations of `type`, as lower-case refs. */
function related(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => lowerCase(relation.targetRef));
}

/**
 * Who the authors of contributions are in the catalog, and which teams own an
 * entity, for the contributions summary of one scoring cycle. Everything it
 * asks the catalog is kept until the cycle ends, and asked in batches.
 *
 * An author is the catalog User whose `provider.userLoginAnnotation` (e.g.
 * `github.com/user-login`) equals the login, ignoring case; their teams are
 * the groups they are a member of (`memberOf` relations, or `spec.memberOf`).
 *
 * The teams that own an entity are its owner group and every group below it
 * (`parentOf` relations, or `spec.children`, all the way down): a child team
 * is part of the team that owns the entity, so its members' contributions
 * are inside ones. A parent group's members are outside: a department owning
 * a team does not make every colleague in the department a maintainer.
 */
export class AuthorDirectory {
  /** By login annotation, then lower-case login. */
  private readonly identities = new Map<
    string,
    Map<string, CodeHostAuthorIdentity>
  >();
  /** Child groups by group ref; a ref the catalog does not have maps to none. */
  private readonly children = new Map<string, string[]>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      credentials: BackstageCredentials;
    },
  ) {}

  /**
   * The contribution summary of one entity's facts, with the authors and
   * teams looked up first (see {@link AuthorDirectory.prepare} to look up a
   * page of entities at once). Undefined when the facts have no pull
   * requests, or the entity has no owner to be inside or outside of.
   */
  contributionsOf(options: {
    pullRequests: RepositoryFacts['pullRequests'];
    loginAnnotation: string;
    owner?: string;
    now: Date;
    windowDays: number;
  }): ContributionSummary | undefined {
    const { pullRequests, loginAnnotation, owner, now, windowDays } = options;
    if (!pullRequests || !owner) {
      return undefined;
    }
    const identities = this.identities.get(loginAnnotation);
    const ownerRef = lowerCase(owner);
    return summarizeContributions({
      pullRequests,
      owningTeams: this.owningTeamsOf(ownerRef),
      identify: login => {
        const identity = identities?.get(login.toLowerCase()) ?? UNKNOWN;
        // The owner of a user-owned entity is inside: they are its team.
        return identity.kind === 'user' && identity.userRef === ownerRef
          ? { ...identity, groups: [...identity.groups, ownerRef] }
          : identity;
      },
      now,
      windowDays,
    });
  }

  /**
   * Looks up, in as few catalog calls as it can, the logins and owners that
   * are not known yet this cycle.
   */
  async prepare(
    subjects: ReadonlyArray<{
      pullRequests: RepositoryFacts['pullRequests'];
      loginAnnotation: string;
      owner?: string;
    }>,
  ): Promise<void> {
    const loginsByAnnotation = new Map<string, Set<string>>();
    const owners = new Set<string>();
    for (const { pullRequests, loginAnnotation, owner } of subjects) {
      if (!pullRequests || !owner) {
        continue;
      }
      owners.add(lowerCase(owner));
      const logins = loginsByAnnotation.get(loginAnnotation) ?? new Set();
      for (const pr of pullRequests.items) {
        // Bots never count, so they are never looked up.
        if (pr.author && !pr.author.isBot) {
          logins.add(pr.author.login.toLowerCase());
        }
      }
      loginsByAnnotation.set(loginAnnotation, logins);
    }
    for (const [annotation, logins] of loginsByAnnotation) {
      await this.loadLogins(annotation, logins);
    }
    await this.loadDescendants(
      [...owners].filter(owner => owner.startsWith('group:')),
    );
  }

  /** The lower-case refs of the owner and every group below it. */
  owningTeamsOf(owner: string): ReadonlySet<string> {
    const teams = new Set<string>();
    const pending = [lowerCase(owner)];
    while (pending.length > 0) {
      const ref = pending.pop()!;
      if (teams.has(ref)) {
        continue;
      }
      teams.add(ref);
      pending.push(...(this.children.get(ref) ?? []));
    }
    return teams;
  }

  private async loadLogins(annotation: string, logins: Set<string>) {
    const known = this.identities.get(annotation) ?? new Map();
    this.identities.set(annotation, known);
    const wanted = [...logins].filter(login => !known.has(login));
    for (let i = 0; i < wanted.length; i += LOGINS_PER_QUERY) {
      const batch = wanted.slice(i, i + LOGINS_PER_QUERY);
      const users = await this.queryAll({
        kind: 'user',
        [`metadata.annotations.${annotation}`]: batch,
      });
      // The first of several users with one login, in ref order, for a stable answer.
      users.sort((a, b) =>
        stringifyEntityRef(a) < stringifyEntityRef(b) ? -1 : 1,
      );
      for (const user of users) {
        const login = user.metadata.annotations?.[annotation];
        if (typeof login !== 'string' || known.has(login.toLowerCase())) {
          continue;
        }
        const namespace = user.metadata.namespace ?? DEFAULT_NAMESPACE;
        known.set(login.toLowerCase(), {
          kind: 'user',
          userRef: lowerCase(stringifyEntityRef(user)),
          groups: [
            ...new Set([
              ...related(user, 'memberOf'),
              ...refsOf(user.spec?.memberOf, namespace),
            ]),
          ],
        });
      }
      for (const login of batch) {
        if (!known.has(login)) {
          known.set(login, UNKNOWN);
        }
      }
    }
  }

  /** Every group below the given ones, a level of the tree per round of lookups. */
  private async loadDescendants(groups: string[]) {
    let level = groups.map(lowerCase).filter(ref => !this.children.has(ref));
    while (level.length > 0) {
      const next = new Set<string>();
      for (let i = 0; i < level.length; i += REFS_PER_REQUEST) {
        const entityRefs = level.slice(i, i + REFS_PER_REQUEST);
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs, fields: GROUP_FIELDS },
          { credentials: this.options.credentials },
        );
        items.forEach((group, index) => {
          const ref = entityRefs[index];
          const children = group
            ? [
                ...new Set([
                  ...related(group, 'parentOf'),
                  ...refsOf(
                    group.spec?.children,
                    group.metadata.namespace ?? DEFAULT_NAMESPACE,
                  ),
                ]),
              ]
            : [];
          this.children.set(ref, children);
          children
            .filter(child => !this.children.has(child))
            .forEach(child => next.add(child));
        });
      }
      level = [...next];
    }
  }

  private async queryAll(filter: Record<string, string | string[]>) {
    const { catalog, credentials } = this.options;
    const found: Entity[] = [];
    let cursor: string | undefined;
    do {
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, fields: USER_FIELDS }
          : { filter, fields: USER_FIELDS, limit: 500 },
        { credentials },
      );
      found.push(...response.items);
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
    return found;
  }
}
