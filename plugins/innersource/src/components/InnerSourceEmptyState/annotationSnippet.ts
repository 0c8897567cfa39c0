import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { INNERSOURCE_ANNOTATIONS } from '@innersource/backstage-plugin-innersource-common';

const SNIPPET_VALIDITY_DAYS = 90;

// Tags and refs are validated by the catalog, but the snippet is copied into YAML, so
// only plain values are taken over; anything else falls back to a placeholder.
const PLAIN_VALUE = /^[a-z0-9][a-z0-9+#._-]*$/i;
const PLAIN_REF =
  /^[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i;

function suggestedTrustedCommitters(entity: Entity): string {
  const owner = entity.spec?.owner;
  if (typeof owner === 'string') {
    try {
      const ref = stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
      if (PLAIN_REF.test(ref)) {
        return ref;
      }
    } catch {
      // fall through to the placeholder
    }
  }
  return 'group:default/your-team';
}

function suggestedSkills(entity: Entity): string {
  const tags = (entity.metadata.tags ?? []).filter(tag =>
    PLAIN_VALUE.test(tag),
  );
  return tags.length > 0 ? tags.slice(0, 5).join(', ') : 'typescript, react';
}

/**
 * A complete, valid set of `innersource/*` annotations for the entity, prefilled from
 * its owner and tags, for maintainers to copy into `catalog-info.yaml`.
 */
export function suggestedInnerSourceAnnotations(
  entity: Entity,
  today: Date,
): Record<string, string> {
  const until = new Date(today.getTime());
  until.setUTCDate(until.getUTCDate() + SNIPPET_VALIDITY_DAYS);
  return {
    [INNERSOURCE_ANNOTATIONS.contributionsWanted]: 'true',
    [INNERSOURCE_ANNOTATIONS.helpWanted]: [
      '[docs] Write a getting-started guide for new contributors',
      '[code] Fix one of the issues labelled "good first issue"',
    ].join('\n'),
    [INNERSOURCE_ANNOTATIONS.helpWantedUntil]: until.toISOString().slice(0, 10),
    [INNERSOURCE_ANNOTATIONS.skills]: suggestedSkills(entity),
    [INNERSOURCE_ANNOTATIONS.contributionTypes]: 'code, docs, tests',
    [INNERSOURCE_ANNOTATIONS.contributing]: 'CONTRIBUTING.md',
    [INNERSOURCE_ANNOTATIONS.chat]: '#your-team-channel',
    [INNERSOURCE_ANNOTATIONS.trustedCommitters]:
      suggestedTrustedCommitters(entity),
    [INNERSOURCE_ANNOTATIONS.responseTime]: '2d',
    [INNERSOURCE_ANNOTATIONS.warranty]: '30d',
    [INNERSOURCE_ANNOTATIONS.license]: 'internal',
  };
}

function yamlValue(value: string, indent: string): string {
  if (value.includes('\n')) {
    return `|\n${value
      .split('\n')
      .map(line => `${indent}  ${line}`)
      .join('\n')}`;
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/** The annotations as the `metadata.annotations` block of `catalog-info.yaml`. */
export function annotationSnippet(annotations: Record<string, string>): string {
  const indent = '    ';
  const lines = Object.entries(annotations).map(
    ([key, value]) => `${indent}${key}: ${yamlValue(value, indent)}`,
  );
  return ['metadata:', '  annotations:', ...lines].join('\n');
}
