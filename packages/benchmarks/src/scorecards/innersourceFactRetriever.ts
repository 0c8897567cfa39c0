import {
  BackstageCredentials,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  FactRetriever,
  TechInsightFact,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { parseInnerSourceAnnotations } from '@innersource/backstage-plugin-innersource-common';

/*
 * The Tech Insights side of the benchmark: a fact retriever that computes,
 * per Component, the facts that the InnerSource scorecard's annotation,
 * entity and catalog checks look at, and jsonfc checks on those facts. The
 * retriever reads the catalog as the scorecard scoring does (pages of 500
 * with the same fields, owners and trusted committers looked up 400 refs at
 * a time) and reads the annotations with the same parser, so that both sides
 * do the same work up to the point where they differ: how results are
 * evaluated and stored.
 */

export const INNERSOURCE_FACT_RETRIEVER_ID = 'innersourceFactRetriever';

const PAGE_SIZE = 500;
const REFS_PER_REQUEST = 400;
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata',
  'spec.owner',
  'spec.lifecycle',
  'spec.type',
  'spec.system',
];
export const DESCRIPTION_MIN_LENGTH = 30;
const TECHDOCS_ANNOTATIONS = [
  'backstage.io/techdocs-ref',
  'backstage.io/techdocs-entity',
];
const DOCS_LINK_KINDS = ['docs', 'documentation', 'techdocs'];
const DOCS_LINK_TITLE = /\b(docs?|documentation)\b/i;

type FactName =
  | 'ownerIsGroup'
  | 'descriptionLength'
  | 'hasDocs'
  | 'hasSkills'
  | 'hasContributing'
  | 'hasChat'
  | 'hasLicense'
  | 'asksNotExpired'
  | 'trustedCommittersResolvable'
  | 'notDeprecated';

/**
 * The checks, by the id of the scorecard check they stand for: the fact they
 * test, and the scorecard statuses that count as the fact being true (to
 * compare both sides' results).
 */
export const EQUIVALENT_CHECKS: Record<
  string,
  { fact: FactName; name: string; trueWhen: string[] }
> = {
  'owner-is-team': {
    fact: 'ownerIsGroup',
    name: 'Owned by a team',
    trueWhen: ['pass'],
  },
  description: {
    fact: 'descriptionLength',
    name: 'Describes itself',
    trueWhen: ['pass'],
  },
  docs: { fact: 'hasDocs', name: 'Has documentation', trueWhen: ['pass'] },
  skills: {
    fact: 'hasSkills',
    name: 'Lists the skills needed',
    trueWhen: ['pass'],
  },
  contributing: {
    fact: 'hasContributing',
    name: 'Has a contribution guide',
    trueWhen: ['pass'],
  },
  chat: { fact: 'hasChat', name: 'Names a place to talk', trueWhen: ['pass'] },
  license: {
    fact: 'hasLicense',
    name: 'Names its InnerSource license',
    trueWhen: ['pass'],
  },
  'asks-not-expired': {
    fact: 'asksNotExpired',
    name: 'Asks are current',
    trueWhen: ['pass', 'warn', 'not-applicable'],
  },
  'trusted-committers': {
    fact: 'trustedCommittersResolvable',
    name: 'Names trusted committers who exist',
    trueWhen: ['pass'],
  },
  'not-deprecated': {
    fact: 'notDeprecated',
    name: 'Not deprecated',
    trueWhen: ['pass', 'not-applicable'],
  },
};

/** `techInsights.factChecker.checks` for jsonfc: one check per fact. */
export function jsonfcChecksConfig() {
  return Object.fromEntries(
    Object.entries(EQUIVALENT_CHECKS).map(([id, { fact, name }]) => [
      id,
      {
        type: 'json-rules-engine',
        name,
        description: `Equivalent of the InnerSource scorecard check "${id}"`,
        factIds: [INNERSOURCE_FACT_RETRIEVER_ID],
        rule: {
          conditions: {
            all: [
              fact === 'descriptionLength'
                ? {
                    fact,
                    operator: 'greaterThanInclusive',
                    value: DESCRIPTION_MIN_LENGTH,
                  }
                : { fact, operator: 'equal', value: true },
            ],
          },
        },
      },
    ]),
  );
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** `spec.owner` as a full lower-case ref; a ref without a kind is a Group. */
function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(owner.trim(), {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

function hasDocs(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  if (
    TECHDOCS_ANNOTATIONS.some(
      key =>
        typeof annotations[key] === 'string' && annotations[key].trim() !== '',
    )
  ) {
    return true;
  }
  return (entity.metadata.links ?? []).some(link => {
    if (typeof link?.url !== 'string' || !/^https?:\/\//i.test(link.url)) {
      return false;
    }
    const kinds = [link.type, link.icon]
      .filter((v): v is string => typeof v === 'string')
      .map(v => v.toLocaleLowerCase('en-US'));
    return (
      kinds.some(k => DOCS_LINK_KINDS.includes(k)) ||
      DOCS_LINK_TITLE.test(typeof link.title === 'string' ? link.title : '')
    );
  });
}

function descriptionLength(entity: Entity): number {
  const description = entity.metadata.description;
  return typeof description === 'string'
    ? Array.from(description.trim()).length
    : 0;
}

async function factsOfPage(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  entities: Entity[],
  now: Date,
): Promise<TechInsightFact[]> {
  const subjects = entities.map(entity => ({
    entity,
    owner: ownerRefOf(entity),
    profile: parseInnerSourceAnnotations(entity, { now }).profile,
  }));
  const refs = new Set<string>();
  for (const { owner, profile } of subjects) {
    if (owner) {
      refs.add(owner);
    }
    profile.trustedCommitters.forEach(ref => refs.add(lower(ref)));
  }
  const kinds = new Map<string, string>();
  const all = [...refs];
  for (let i = 0; i < all.length; i += REFS_PER_REQUEST) {
    const entityRefs = all.slice(i, i + REFS_PER_REQUEST);
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { credentials },
    );
    items.forEach((found, index) => {
      if (found) {
        kinds.set(entityRefs[index], lower(found.kind));
      }
    });
  }

  return subjects.map(({ entity, owner, profile }) => {
    const lifecycle = entity.spec?.lifecycle;
    const committers = profile.trustedCommitters;
    return {
      entity: {
        namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
        kind: entity.kind,
        name: entity.metadata.name,
      },
      facts: {
        ownerIsGroup: owner !== undefined && kinds.get(owner) === 'group',
        descriptionLength: descriptionLength(entity),
        hasDocs: hasDocs(entity),
        hasSkills: profile.skills.length > 0,
        hasContributing: profile.contributing !== undefined,
        hasChat: profile.chat !== undefined,
        hasLicense: profile.license !== undefined,
        asksNotExpired: !(profile.asks.length > 0 && profile.asksExpired),
        trustedCommittersResolvable:
          committers.length > 0 &&
          committers.every(ref => kinds.has(lower(ref))),
        notDeprecated:
          typeof lifecycle !== 'string' ||
          lower(lifecycle.trim()) !== 'deprecated',
      },
    };
  });
}

const bool = (description: string) => ({
  type: 'boolean' as const,
  description,
});

/** The fact retriever, reading the given catalog. */
export function innersourceFactRetriever(
  catalog: CatalogService,
): FactRetriever {
  return {
    id: INNERSOURCE_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'InnerSource readiness',
    description:
      'The facts the InnerSource scorecard checks look at, from the catalog',
    entityFilter: [{ kind: 'component' }],
    schema: {
      ownerIsGroup: bool('spec.owner is a group that exists in the catalog'),
      descriptionLength: {
        type: 'integer',
        description: 'Characters of metadata.description',
      },
      hasDocs: bool('TechDocs annotation or a documentation link'),
      hasSkills: bool('innersource/skills lists at least one skill'),
      hasContributing: bool('innersource/contributing is a valid link'),
      hasChat: bool('innersource/chat is a channel or a link'),
      hasLicense: bool('innersource/license is valid'),
      asksNotExpired: bool(
        'no asks, or innersource/help-wanted-until not past',
      ),
      trustedCommittersResolvable: bool(
        'innersource/trusted-committers names refs that all exist',
      ),
      notDeprecated: bool('spec.lifecycle is not deprecated'),
    },
    async handler({ auth, entityFilter }) {
      const credentials = await auth.getOwnServiceCredentials();
      const now = new Date();
      const facts: TechInsightFact[] = [];
      let cursor: string | undefined;
      do {
        const response = await catalog.queryEntities(
          cursor
            ? { cursor, limit: PAGE_SIZE, fields: FIELDS }
            : { filter: entityFilter, limit: PAGE_SIZE, fields: FIELDS },
          { credentials },
        );
        facts.push(
          ...(await factsOfPage(catalog, credentials, response.items, now)),
        );
        cursor = response.pageInfo.nextCursor;
      } while (cursor);
      return facts;
    },
  };
}

/** Adds {@link innersourceFactRetriever} to Tech Insights, on the backend's catalog service. */
export const techInsightsModuleInnerSourceFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'innersource-facts',
  register(env) {
    env.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ retrievers, catalog }) {
        retrievers.addFactRetrievers({
          [INNERSOURCE_FACT_RETRIEVER_ID]: innersourceFactRetriever(catalog),
        });
      },
    });
  },
});
