import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  HELP_WANTED_SEARCH_TYPE,
  HelpWantedSearchDocument,
  INNERSOURCE_ANNOTATIONS,
  isContributionWanted,
  parseInnerSourceAnnotations,
} from '@innersource/backstage-plugin-innersource-common';
import { Readable } from 'node:stream';

/** A help-wanted ask as Backstage search indexes it. @public */
export type HelpWantedIndexableDocument = IndexableDocument &
  HelpWantedSearchDocument;

/** @public */
export type HelpWantedCollatorFactoryOptions = {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Entities per catalog page; defaults to 500. */
  pageSize?: number;
  /** The moment expiry is judged against; defaults to the start of each collation. */
  now?: () => Date;
};

const DEFAULT_PAGE_SIZE = 500;

/** Only what the documents need, so large entities do not travel. */
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'spec.owner',
];

/**
 * Collates one search document per current help-wanted ask of every entity with
 * `innersource/contributions-wanted: true`. Expiry is judged by the shared parser
 * when the collation runs, so expired asks leave the index at the next run.
 *
 * The documents carry the entity ref as `authorization.resourceRef` and the
 * factory declares the catalog read permission, so search shows an ask only to
 * users who may read its entity.
 *
 * @public
 */
export class HelpWantedCollatorFactory implements DocumentCollatorFactory {
  readonly type = HELP_WANTED_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(private readonly options: HelpWantedCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<HelpWantedIndexableDocument> {
    const { catalog, auth, logger } = this.options;
    const now = this.options.now?.() ?? new Date();
    const limit = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    const credentials = await auth.getOwnServiceCredentials();
    let cursor: string | undefined;
    let count = 0;
    do {
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, limit, fields: ENTITY_FIELDS }
          : {
              filter: {
                [`metadata.annotations.${INNERSOURCE_ANNOTATIONS.contributionsWanted}`]:
                  CATALOG_FILTER_EXISTS,
              },
              limit,
              fields: ENTITY_FIELDS,
            },
        { credentials },
      );
      for (const entity of response.items) {
        for (const document of helpWantedDocumentsOf(entity, now)) {
          count += 1;
          yield document;
        }
      }
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
    logger.info(`Collated ${count} ${HELP_WANTED_SEARCH_TYPE} documents`);
  }
}

/**
 * The search documents of one entity: none when it does not want contributions
 * or its asks have expired. Never throws on malformed annotations.
 */
export function helpWantedDocumentsOf(
  entity: Entity,
  now: Date,
): HelpWantedIndexableDocument[] {
  if (!isContributionWanted(entity)) {
    return [];
  }
  const { profile } = parseInnerSourceAnnotations(entity, { now });
  if (profile.asksExpired || profile.asks.length === 0) {
    return [];
  }
  const entityRef = stringifyEntityRef(entity);
  const { kind, metadata } = entity;
  const namespace = metadata.namespace ?? 'default';
  const tab = `/catalog/${encodeURIComponent(
    namespace.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(metadata.name)}/innersource`;
  const entityTitle =
    typeof metadata.title === 'string' && metadata.title.trim()
      ? metadata.title
      : metadata.name;
  const description =
    typeof metadata.description === 'string' ? metadata.description : '';
  const owner = ownerRefOf(entity, namespace);

  return profile.asks.map((ask, index) => ({
    title: ask.text,
    text: [ask.text, description, profile.skills.join(' ')]
      .filter(Boolean)
      .join('\n'),
    // Search engines key documents by location (Lunr keeps one document per
    // location), so each ask gets its own fragment on the entity's tab.
    location: `${tab}#ask-${index + 1}`,
    entityRef,
    entityTitle,
    ...(owner ? { owner } : {}),
    ...(ask.type ? { askType: ask.type } : {}),
    skills: profile.skills,
    contributionTypes: profile.contributionTypes,
    authorization: { resourceRef: entityRef },
  }));
}

/** `spec.owner` resolved as the catalog resolves it (default kind group). */
function ownerRefOf(entity: Entity, namespace: string): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}
