import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import { annotationsOf } from '../../annotations/entityPredicates';
import {
  escapeUnsafeCharacters,
  quoteValue,
} from '../../annotations/quoteValue';
import { ScorecardCheckDefinition } from '../types';
import {
  entityField,
  fail,
  isRecord,
  notApplicable,
  pass,
  warn,
} from './evidence';

// Checks that read only the entity itself (metadata and spec), so they run
// everywhere, the lint command included, and are never `not-reported`.

const TECHDOCS_ANNOTATIONS = [
  'backstage.io/techdocs-ref',
  'backstage.io/techdocs-entity',
];
const DOCS_LINK_KINDS = ['docs', 'documentation', 'techdocs'];
const DOCS_LINK_TITLE = /\b(docs?|documentation)\b/i;

function namespaceOf(entity: unknown): string {
  const namespace = entityField(entity, 'metadata', 'namespace');
  return typeof namespace === 'string' && namespace.trim()
    ? namespace.trim()
    : DEFAULT_NAMESPACE;
}

/** `spec.owner` as a full ref; Backstage reads an owner without a kind as a Group. */
function ownerRef(entity: unknown): { ref: string; kind: string } | undefined {
  const owner = entityField(entity, 'spec', 'owner');
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    const { kind, namespace, name } = parseEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: namespaceOf(entity),
    });
    const lowerKind = kind.toLocaleLowerCase('en-US');
    return {
      ref: escapeUnsafeCharacters(`${lowerKind}:${namespace}/${name}`),
      kind: lowerKind,
    };
  } catch {
    return undefined;
  }
}

export const ownerIsTeamCheck: ScorecardCheckDefinition = {
  id: 'owner-is-team',
  title: 'Owned by a team',
  level: 'bronze',
  weight: 2,
  needs: 'annotations',
  description:
    'spec.owner is a group, not a person, so that contributions outlive holidays and job changes. ' +
    'When the catalog is consulted, the owner must also exist there.',
  remediation:
    'Set spec.owner to the team that maintains the entity, e.g. "group:payments".',
  evaluate({ entity, catalog }) {
    const written = entityField(entity, 'spec', 'owner');
    const owner = ownerRef(entity);
    if (!owner) {
      return fail(
        typeof written === 'string' && written.trim() !== ''
          ? `spec.owner ${quoteValue(written)} is not an entity ref`
          : 'spec.owner is not set',
      );
    }
    if (catalog?.ownerKind === null) {
      return warn(`spec.owner ${owner.ref} does not exist in the catalog`);
    }
    const kind =
      typeof catalog?.ownerKind === 'string'
        ? catalog.ownerKind.toLocaleLowerCase('en-US')
        : owner.kind;
    if (kind === 'group') {
      return pass(`owned by ${owner.ref}, a group`);
    }
    return fail(
      `owned by ${owner.ref}, a ${escapeUnsafeCharacters(kind)}, not a group`,
    );
  },
};

export const descriptionCheck: ScorecardCheckDefinition = {
  id: 'description',
  title: 'Describes itself',
  level: 'bronze',
  weight: 1,
  needs: 'annotations',
  description:
    'metadata.description says in a sentence what the entity does, so that people searching the catalog recognise it.',
  remediation:
    'Write a metadata.description of at least one full sentence: what it does and for whom.',
  evaluate({ entity }, { descriptionMinLength }) {
    const description = entityField(entity, 'metadata', 'description');
    if (typeof description !== 'string' || description.trim() === '') {
      return fail('metadata.description is not set');
    }
    const length = Array.from(description.trim()).length;
    if (length >= descriptionMinLength) {
      return pass(`metadata.description has ${length} characters`);
    }
    return fail(
      `metadata.description ${quoteValue(
        description.trim(),
      )} has ${length} characters, fewer than ${descriptionMinLength}`,
    );
  },
};

function docsLink(entity: unknown): string | undefined {
  const links = entityField(entity, 'metadata', 'links');
  if (!Array.isArray(links)) {
    return undefined;
  }
  for (const link of links) {
    if (!isRecord(link) || typeof link.url !== 'string') {
      continue;
    }
    if (!/^https?:\/\//i.test(link.url.trim())) {
      continue;
    }
    const kinds = [link.type, link.icon]
      .filter((v): v is string => typeof v === 'string')
      .map(v => v.toLocaleLowerCase('en-US'));
    const title = typeof link.title === 'string' ? link.title : '';
    if (
      kinds.some(k => DOCS_LINK_KINDS.includes(k)) ||
      DOCS_LINK_TITLE.test(title)
    ) {
      return link.url.trim();
    }
  }
  return undefined;
}

export const docsCheck: ScorecardCheckDefinition = {
  id: 'docs',
  title: 'Has documentation',
  level: 'bronze',
  weight: 2,
  needs: 'annotations',
  description:
    'The entity has TechDocs (backstage.io/techdocs-ref or backstage.io/techdocs-entity) or links to its documentation ' +
    '(a metadata.links entry of type or icon "docs", or titled "Docs"/"Documentation").',
  remediation:
    'Add backstage.io/techdocs-ref: dir:. with a docs/ folder, or a metadata.links entry with type: docs.',
  evaluate({ entity }) {
    const annotations = annotationsOf(entity);
    for (const key of TECHDOCS_ANNOTATIONS) {
      const value = annotations[key];
      if (typeof value === 'string' && value.trim() !== '') {
        return pass(`${key} is ${quoteValue(value.trim())}`);
      }
    }
    const link = docsLink(entity);
    if (link) {
      return pass(`links to its documentation at ${quoteValue(link)}`);
    }
    return fail(
      'no backstage.io/techdocs-ref annotation and no documentation link in metadata.links',
    );
  },
};

export const notDeprecatedCheck: ScorecardCheckDefinition = {
  id: 'not-deprecated',
  title: 'Not deprecated',
  level: 'bronze',
  weight: 2,
  needs: 'annotations',
  description:
    'spec.lifecycle is not "deprecated": a deprecated entity should not attract new contributors. ' +
    'Entities without a lifecycle (e.g. Systems) are not judged.',
  remediation:
    'Point contributors to the successor and set innersource/contributions-wanted to "false"; ' +
    'or, if the entity lives on, set spec.lifecycle to "production" or "experimental".',
  evaluate({ entity }) {
    const lifecycle = entityField(entity, 'spec', 'lifecycle');
    if (typeof lifecycle !== 'string' || lifecycle.trim() === '') {
      return notApplicable('no spec.lifecycle');
    }
    const shown = quoteValue(lifecycle.trim());
    return lifecycle.trim().toLocaleLowerCase('en-US') === 'deprecated'
      ? fail(`spec.lifecycle is ${shown}`)
      : pass(`spec.lifecycle is ${shown}`);
  },
};
