import { Entity } from '@backstage/catalog-model';
import { parseInnerSourceAnnotations } from '../annotations/parseInnerSourceAnnotations';
import { DEFAULT_SCORECARD_THRESHOLDS } from '../scorecards/options';
import { evaluateScorecardCheck } from '../scorecards/scoreEntity';
import {
  ScorecardCatalogFacts,
  ScorecardCheckDefinition,
  ScorecardCodeHostFacts,
  ScorecardInput,
  ScorecardThresholds,
} from '../scorecards/types';

export const NOW = new Date('2030-06-15T12:00:00Z');

export type ScorecardInputParts = {
  kind?: string;
  annotations?: Record<string, string>;
  /** Merged over a name and a 50-character description. */
  metadata?: Record<string, unknown>;
  /** Replaces the default spec (a production service owned by group:payments). */
  spec?: Record<string, unknown>;
  catalog?: ScorecardCatalogFacts;
  codeHost?: ScorecardCodeHostFacts;
  codeHostUnavailable?: string;
  now?: Date;
};

/** A scorecard input built like the backend will: the entity, its parsed profile, the facts. */
export function scorecardInput(
  parts: ScorecardInputParts = {},
): ScorecardInput {
  const now = parts.now ?? NOW;
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: parts.kind ?? 'Component',
    metadata: {
      name: 'payments-gateway',
      description: 'Routes card, wallet and bank payments to providers.',
      annotations: parts.annotations ?? {},
      ...parts.metadata,
    },
    spec: parts.spec ?? {
      type: 'service',
      owner: 'group:payments',
      lifecycle: 'production',
    },
  } as Entity;
  return {
    entity,
    profile: parseInnerSourceAnnotations(entity, { now }).profile,
    ...(parts.catalog ? { catalog: parts.catalog } : {}),
    ...(parts.codeHost ? { codeHost: parts.codeHost } : {}),
    ...(parts.codeHostUnavailable
      ? { codeHostUnavailable: parts.codeHostUnavailable }
      : {}),
    now,
  };
}

/** Every innersource/* annotation a maintainer can give, well-formed. */
export const COMPLETE_ANNOTATIONS: Record<string, string> = {
  'backstage.io/techdocs-ref': 'dir:.',
  'innersource/contributions-wanted': 'true',
  'innersource/help-wanted': '[code] Add Klarna\n[docs] Write a quickstart',
  'innersource/help-wanted-until': '2035-12-31',
  'innersource/skills': 'kotlin, java',
  'innersource/contributing': 'CONTRIBUTING.md',
  'innersource/chat': '#payments-dev',
  'innersource/trusted-committers': 'user:jane-doe, group:payments',
  'innersource/response-time': '2d',
  'innersource/license': 'internal',
};

/**
 * Runs one check (with the needs guard and exemptions, as the scorecard does)
 * and returns its result as one readable line: `status: evidence`, or
 * `exempt (reason): evidence`.
 */
export function evaluateCheck(
  check: ScorecardCheckDefinition,
  parts: ScorecardInputParts = {},
  thresholds: Partial<ScorecardThresholds> = {},
): string {
  const result = evaluateScorecardCheck(check, scorecardInput(parts), {
    ...DEFAULT_SCORECARD_THRESHOLDS,
    ...thresholds,
  });
  return result.status === 'exempt'
    ? `exempt (${result.exemptionReason}): ${result.evidence}`
    : `${result.status}: ${result.evidence}`;
}
