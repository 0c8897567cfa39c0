/* eslint-disable no-control-regex -- control characters are what the evidence must not contain */
import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { parseInnerSourceAnnotations } from '../annotations/parseInnerSourceAnnotations';
import { INNERSOURCE_ANNOTATIONS } from '../annotations/types';
import { DEFAULT_SCORECARD_CHECKS } from './checks';
import { DEFAULT_SCORECARD_LEVELS } from './levels';
import { scoreEntity } from './scoreEntity';

const NOW = new Date('2030-06-15T12:00:00Z');
const KEYS = [
  ...Object.values(INNERSOURCE_ANNOTATIONS),
  'backstage.io/techdocs-ref',
];
// Line breaks, bidi overrides and zero-width characters must never reach evidence as themselves.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]/u;

const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      '\n',
      '\u202e',
      ':',
      ';',
      ',',
      '#',
      '2',
      'd',
    ),
    maxLength: 40,
  }),
);

const entity: fc.Arbitrary<unknown> = fc.record({
  kind: fc.oneof(fc.constantFrom('Component', 'System'), fc.anything()),
  metadata: fc.oneof(
    fc.record({
      name: fc.oneof(text, fc.anything()),
      description: fc.oneof(text, fc.anything()),
      links: fc.oneof(
        fc.array(
          fc.record(
            { url: text, type: text, title: text },
            { requiredKeys: [] },
          ),
        ),
        fc.anything(),
      ),
      annotations: fc.dictionary(fc.constantFrom(...KEYS), text),
    }),
    fc.anything(),
  ),
  spec: fc.oneof(
    fc.record({
      owner: fc.oneof(text, fc.constantFrom('user:jane', 'group:a', 'b')),
      lifecycle: fc.oneof(text, fc.constant('deprecated')),
    }),
    fc.anything(),
  ),
});

const codeHost = fc.option(
  fc.record(
    {
      hasReadme: fc.boolean(),
      hasCodeowners: fc.boolean(),
      hasContributingFile: fc.boolean(),
      openGoodFirstIssues: fc.oneof(fc.nat(), fc.double()),
      lastCommitAt: fc.oneof(
        text,
        fc.date().map(d => d.toString()),
      ),
      medianFirstResponseHours: fc.oneof(fc.constant(null), fc.double()),
      outsideContributions: fc.oneof(fc.nat(), fc.double()),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('scoreEntity on arbitrary input', () => {
  it('never throws, scores 0–100 or null, and writes one-line evidence', () => {
    const levels = DEFAULT_SCORECARD_LEVELS.map(l => l.id);
    fc.assert(
      fc.property(entity, codeHost, (raw, facts) => {
        const input = raw as Entity;
        const { profile } = parseInnerSourceAnnotations(input, { now: NOW });
        const scorecard = scoreEntity({
          entity: input,
          profile,
          now: NOW,
          ...(facts ? { codeHost: facts } : {}),
          catalog: { resolvedRefs: new Set(profile.trustedCommitters) },
        });
        expect(scorecard.results).toHaveLength(DEFAULT_SCORECARD_CHECKS.length);
        const { score, level } = scorecard;
        expect(
          score === null ||
            (Number.isInteger(score) && score >= 0 && score <= 100),
        ).toBe(true);
        expect([undefined, ...levels]).toContain(level);
        for (const result of scorecard.results) {
          expect(result.evidence).not.toMatch(UNSAFE);
          expect(result.evidence.length).toBeGreaterThan(0);
        }
        expect(scorecard.entityRef).not.toMatch(UNSAFE);
      }),
      { numRuns: 300 },
    );
  });
});
