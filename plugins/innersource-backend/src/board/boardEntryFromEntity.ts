import {
  ANNOTATION_SOURCE_LOCATION,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InnerSourceLink,
  isContributionWanted,
  parseInnerSourceAnnotations,
} from '@innersource/backstage-plugin-innersource-common';
import { searchWords } from './TextIndex';
import { BoardEntry } from './types';

/**
 * The entity fields the board needs; the catalog is asked for these only.
 * `spec.domain` is the domain of System entities.
 */
export const BOARD_ENTITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.domain',
];

/** The fields needed to read the domain of a system. */
export const SYSTEM_DOMAIN_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.domain',
];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A full, lower-case ref from a spec field, or undefined when it is not a ref. */
function refFrom(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  const ref = text(value);
  if (!ref) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

function namespaceOf(entity: Entity): string {
  return text(entity.metadata?.namespace) ?? DEFAULT_NAMESPACE;
}

/** The system an entity belongs to, as a full ref (none for a System itself). */
export function systemRefOf(entity: Entity): string | undefined {
  if (entity.kind?.toLocaleLowerCase('en-US') === 'system') {
    return undefined;
  }
  return refFrom(entity.spec?.system, 'system', namespaceOf(entity));
}

/** The `spec.domain` of a System entity, as a full ref. */
export function domainRefOf(system: Entity): string | undefined {
  if (system.kind?.toLocaleLowerCase('en-US') !== 'system') {
    return undefined;
  }
  return refFrom(system.spec?.domain, 'domain', namespaceOf(system));
}

/**
 * The base URL that repository paths resolve against: the entity's
 * `backstage.io/source-location`, when it is a plain http(s) URL. Locations with a
 * query or fragment (e.g. Azure DevOps `?path=`) are left alone, as appending a path
 * to them would not point at the file.
 */
function sourceLocationBase(entity: Entity): URL | undefined {
  const location = text(
    entity.metadata?.annotations?.[ANNOTATION_SOURCE_LOCATION],
  );
  if (!location?.startsWith('url:')) {
    return undefined;
  }
  try {
    const url = new URL(location.slice('url:'.length));
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.search ||
      url.hash ||
      url.username ||
      url.password
    ) {
      return undefined;
    }
    if (!url.pathname.endsWith('/')) {
      url.pathname = `${url.pathname}/`;
    }
    return url;
  } catch {
    return undefined;
  }
}

/** A repository path becomes a link into the repository when the source location is an http(s) URL. */
function resolveContributing(
  link: InnerSourceLink | undefined,
  entity: Entity,
): InnerSourceLink | undefined {
  if (link?.type !== 'repo-path') {
    return link;
  }
  const base = sourceLocationBase(entity);
  if (!base) {
    return link;
  }
  // The parser guarantees a normalised relative path, so it cannot leave the base.
  return { type: 'url', url: new URL(link.path, base).href };
}

export type BoardEntryOptions = {
  /** The domain of each system, by full system ref; unknown systems have none. */
  domainOfSystem?: (systemRef: string) => string | undefined;
};

/**
 * What the board keeps of an entity, or undefined when the entity does not want
 * contributions. Reads the annotations with the shared parser; values it rejects
 * are left out, like everywhere else.
 */
export function boardEntryFromEntity(
  entity: Entity,
  options: BoardEntryOptions = {},
): BoardEntry | undefined {
  if (!isContributionWanted(entity)) {
    return undefined;
  }
  const { profile } = parseInnerSourceAnnotations(entity);
  const namespace = namespaceOf(entity);
  const systemRef = systemRefOf(entity);
  const domainRef = systemRef
    ? options.domainOfSystem?.(systemRef)
    : domainRefOf(entity);
  const tags = Array.isArray(entity.metadata?.tags)
    ? entity.metadata.tags.filter(
        (tag): tag is string => typeof tag === 'string' && tag.trim() !== '',
      )
    : [];

  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: text(entity.metadata.title),
    description: text(entity.metadata.description),
    owner: refFrom(entity.spec?.owner, 'group', namespace),
    system: systemRef,
    domain: domainRef,
    tags,
    asks: profile.asks,
    asksValidUntil: profile.asksValidUntil,
    skills: profile.skills,
    contributionTypes: profile.contributionTypes,
    trustedCommitters: profile.trustedCommitters,
    contributing: resolveContributing(profile.contributing, entity),
    chat: profile.chat,
    responseTime: profile.responseTime,
  };
}

/**
 * The words of the title, name, description and skills, lower-case and separated
 * by single spaces, as free-text search sees them (stored for queries in SQL).
 * Asks are left out, as they may expire.
 */
export function boardSearchText(entry: BoardEntry): string {
  return searchWords(
    [entry.title, entry.name, entry.description, entry.skills.join(' ')]
      .filter(Boolean)
      .join(' '),
  ).join(' ');
}
