import { readCorpusFiles } from '../testUtils';
import { MAX_ASKS } from '../annotations/values/asks';
import { lintCatalogYaml } from './lintCatalogYaml';

const NOW = new Date('2030-06-15T12:00:00Z');

function lint(text: string) {
  return lintCatalogYaml('catalog-info.yaml', text, { now: NOW });
}

/** Shorthand for "line:column severity annotation". */
function where(text: string) {
  return lint(text).problems.map(
    p => `${p.line}:${p.column} ${p.severity} ${p.annotation}`,
  );
}

describe('lintCatalogYaml', () => {
  it('points at the value of a known annotation', () => {
    const result = lint(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy-ledger
  annotations:
    innersource/contributions-wanted: 'true'
    innersource/response-time: two days
spec:
  owner: group:payments
`);
    const { scorecards, ...rest } = result;
    expect(scorecards.map(s => s.entity)).toEqual([
      'component:default/legacy-ledger',
    ]);
    expect(rest).toEqual({
      file: 'catalog-info.yaml',
      entities: 1,
      problems: [
        {
          file: 'catalog-info.yaml',
          line: 7,
          column: 32,
          entity: 'component:default/legacy-ledger',
          annotation: 'innersource/response-time',
          severity: 'error',
          message: '"two days" is not a duration',
          fix: 'use e.g. "2d" or "48h"',
        },
      ],
    });
  });

  it('points at the key of an unknown annotation', () => {
    expect(
      where(`kind: Component
metadata:
  name: image-resizer
  annotations:
    innersource/skils: rust
`),
    ).toEqual(['5:5 warning innersource/skils']);
  });

  it('points at the line of a block scalar that a problem is about, and at a missing value', () => {
    expect(
      where(`kind: Component
metadata:
  name: x
  annotations:
    innersource/help-wanted: |
      [painting] Draw a logo
    innersource/skills:
`),
    ).toEqual([
      '6:7 error innersource/help-wanted',
      '7:5 error innersource/skills',
    ]);
  });

  it('points at the one ask of several that is wrong, whatever the block header', () => {
    const result = lint(`kind: Component
metadata:
  name: x
  annotations:
    innersource/help-wanted: |-
      [docs] Write a quickstart

      [code] Add retries
      [painting] Draw a logo
      [docs] Write a quickstart
    innersource/contribution-types: |2
        code,
        docs, painting
`);
    expect(
      result.problems.map(p => `${p.line}:${p.column} ${p.message}`),
    ).toEqual([
      '9:7 "[painting]" is not a contribution type',
      '13:7 "painting" is not a contribution type',
    ]);
  });

  it('points at the header when a problem is about the block as a whole', () => {
    const asks = Array.from(
      { length: MAX_ASKS + 1 },
      (_, i) => `      [code] Ask ${i}`,
    );
    expect(
      where(`kind: Component
metadata:
  name: x
  annotations:
    innersource/help-wanted: |
${asks.join('\n')}
`),
    ).toEqual(['5:30 warning innersource/help-wanted']);
  });

  it('finds annotations written as a flow mapping and with quoted keys', () => {
    expect(
      where(`kind: Component
metadata: { name: x, annotations: { "innersource/chat": "javascript:alert(1)" } }
`),
    ).toEqual(['2:57 error innersource/chat']);
  });

  it('checks every document of a multi-document file and names its entity', () => {
    const result = lint(`kind: Component
metadata:
  name: a
  annotations:
    innersource/warranty: '30'
---
kind: Group
metadata:
  name: b
  namespace: retail
  annotations:
    innersource/license: <b>x</b>
---
just a string
---
- a list
---
`);
    expect(result.entities).toBe(2);
    expect(result.problems.map(p => [p.line, p.entity])).toEqual([
      [5, 'component:default/a'],
      [12, 'group:retail/b'],
    ]);
  });

  it('names documents that are not complete entities by their number', () => {
    const result = lint(`---
metadata:
  annotations:
    innersource/contributions-wanted: 'nope'
`);
    expect(result.problems[0].entity).toBe('document 1');
  });

  it('reports no problems for entities without innersource annotations, but scores them', () => {
    const result = lint(`kind: Component
metadata:
  name: auth-service
  annotations:
    backstage.io/techdocs-ref: dir:.
`);
    expect(result.problems).toEqual([]);
    expect(result.scorecards).toHaveLength(1);
    expect(result.scorecards[0]).toMatchObject({
      file: 'catalog-info.yaml',
      entity: 'component:default/auth-service',
      nextLevel: {
        id: 'bronze',
        blockingChecks: ['owner-is-team', 'description', 'skills'],
      },
    });
    expect(result.scorecards[0].level).toBeUndefined();
  });

  it('treats an empty file as no entities', () => {
    expect(lint('')).toEqual({
      file: 'catalog-info.yaml',
      entities: 0,
      problems: [],
      scorecards: [],
    });
  });

  describe('scorecards', () => {
    const complete = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-gateway
  description: Routes card, wallet and bank payments to the right provider.
  annotations:
    backstage.io/techdocs-ref: dir:.
    innersource/contributions-wanted: 'true'
    innersource/help-wanted: '[docs] Write a Kotlin quickstart'
    innersource/help-wanted-until: '2035-12-31'
    innersource/skills: kotlin, java
    innersource/contributing: CONTRIBUTING.md
    innersource/chat: '#payments-dev'
    innersource/trusted-committers: user:jane-doe
    innersource/license: internal
    innersource/scorecard-exempt: 'codeowner: we pair on everything'
spec:
  type: service
  lifecycle: production
  owner: group:payments
`;

    it('scores every Component and System from the file alone, and nothing else', () => {
      const result = lint(`${complete}---
kind: System
metadata:
  name: payments-platform
spec:
  owner: group:payments
---
kind: Group
metadata:
  name: payments
---
kind: API
metadata:
  name: payments-api
---
kind: Component
metadata:
  annotations: {}
`);
      expect(result.entities).toBe(5);
      expect(result.scorecards.map(s => [s.entity, s.score, s.level])).toEqual([
        ['component:default/payments-gateway', 100, 'silver'],
        ['system:default/payments-platform', 22, undefined],
      ]);
    });

    it('leaves the catalog and code-host checks out, as not reported', () => {
      const [scorecard] = lint(complete).scorecards;
      const unreported = scorecard.results
        .filter(r => r.status === 'not-reported')
        .map(r => r.checkId);
      expect(unreported).toEqual([
        'readme',
        'trusted-committers',
        'codeowners',
        'good-first-issues',
        'recent-activity',
        'response-time',
        'outside-contributions',
      ]);
    });

    it('carries the unknown exemptions', () => {
      expect(lint(complete).scorecards[0].unknownExemptions).toEqual([
        {
          checkId: 'codeowner',
          reason: 'we pair on everything',
          didYouMean: 'codeowners',
        },
      ]);
    });

    it('uses the scorecard options it is given', () => {
      const result = lintCatalogYaml('catalog-info.yaml', complete, {
        now: NOW,
        scorecardOptions: {
          checks: { skills: { weight: 10 } },
          thresholds: {
            descriptionMinLength: 500,
            activityDays: 90,
            outsideContributionDays: 180,
            defaultResponseTimeHours: 72,
          },
        },
      });
      expect(result.scorecards[0]).toMatchObject({
        score: 96,
        nextLevel: { id: 'bronze', blockingChecks: ['description'] },
      });
    });
  });

  it('fails a file that is not valid YAML, saying where', () => {
    const result = lint(`kind: Component
metadata:
  name: x
  annotations:
    innersource/chat: '#a'
    innersource/chat: '#b'
`);
    expect(result.problems).toEqual([]);
    expect(result.failure).toMatch(
      /^catalog-info\.yaml:6:5: invalid YAML: Map keys must be unique/,
    );
    expect(lint('kind: [unclosed\n').failure).toMatch(
      /^catalog-info\.yaml:\d+:\d+: invalid YAML: /,
    );
  });

  it('fails a file that expands aliases without bound', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expect(lint(bomb).failure).toMatch(/invalid YAML/);
  });

  it('lints every file of the real-world corpus without throwing, finding no problems', () => {
    let entities = 0;
    for (const { file, text } of readCorpusFiles()) {
      const result = lintCatalogYaml(file, text);
      expect(result.problems).toEqual([]);
      entities += result.entities;
    }
    expect(entities).toBeGreaterThan(0);
  });
});
