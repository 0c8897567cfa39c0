import { EntityScorecard } from '@innersource/backstage-plugin-innersource-common';

/** A stored scorecard of a Component, with the given fields. */
export function entityScorecard(
  name: string,
  overrides: Partial<EntityScorecard> = {},
): EntityScorecard {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/payments',
    level: 'bronze',
    score: 50,
    results: [
      { checkId: 'description', status: 'pass', evidence: 'ok' },
      { checkId: 'chat', status: 'fail', evidence: 'no chat' },
      { checkId: 'readme', status: 'not-reported', evidence: 'no data' },
      { checkId: 'skills', status: 'fail', evidence: 'no skills' },
    ],
    nextLevel: { id: 'silver', blockingChecks: ['chat'] },
    unknownExemptions: [],
    computedAt: '2026-03-10T12:00:00.000Z',
    ...overrides,
  };
}
