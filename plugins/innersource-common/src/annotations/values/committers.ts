import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { splitList } from './text';

const COMMITTER_KINDS = ['user', 'group'];

function hasKind(ref: string): boolean {
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  return colon > 0 && (slash === -1 || colon < slash);
}

/**
 * Reads `innersource/trusted-committers`: a comma list of user or group entity
 * refs, returned as full refs (`user:default/jane-doe`); a ref without a
 * namespace gets the entity's own namespace. Whether the refs exist in the
 * catalog is the scorecard's question, not the parser's.
 */
export function readTrustedCommitters(
  value: string,
  defaultNamespace: string,
  report: ProblemReporter,
): string[] {
  const refs: string[] = [];
  for (const written of splitList(value)) {
    if (!hasKind(written)) {
      const name = written.replace(/^@/, '');
      report.error(
        `${quoteValue(written)} does not say whether it is a user or a group`,
        `use ${quoteValue(`user:${name}`)} or ${quoteValue(`group:${name}`)}`,
      );
      continue;
    }
    let parsed;
    try {
      parsed = parseEntityRef(written, { defaultNamespace });
    } catch {
      parsed = undefined;
    }
    if (
      !parsed ||
      !KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) ||
      !KubernetesValidatorFunctions.isValidObjectName(parsed.name)
    ) {
      report.error(
        `${quoteValue(written)} is not a valid entity ref`,
        'write refs as user:<name>, group:<name> or group:<namespace>/<name>',
      );
      continue;
    }
    const kind = parsed.kind.toLocaleLowerCase('en-US');
    if (!COMMITTER_KINDS.includes(kind)) {
      report.error(
        `${quoteValue(written)} refers to a ${quoteValue(
          parsed.kind,
        )} entity, not a user or group`,
        'list user:<name> or group:<name> refs',
      );
      continue;
    }
    const ref = stringifyEntityRef({ ...parsed, kind });
    if (!refs.includes(ref)) {
      refs.push(ref);
    }
  }
  return refs;
}
