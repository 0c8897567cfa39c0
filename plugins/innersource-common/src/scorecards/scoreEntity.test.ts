import {
  COMPLETE_ANNOTATIONS,
  scorecardInput,
} from '../__testUtils__/scorecardInput';
import { formatAnnotationProblem } from '../annotations/problems';
import { DEFAULT_SCORECARD_CHECKS } from './checks';
import { DEFAULT_SCORECARD_OPTIONS, resolveScorecardOptions } from './options';
import {
  createScorer,
  scoreEntity,
  unknownExemptionProblem,
} from './scoreEntity';
import {
  ScorecardCatalogFacts,
  ScorecardCheckDefinition,
  ScorecardCodeHostFacts,
} from './types';

const CATALOG: ScorecardCatalogFacts = {
  ownerKind: 'group',
  resolvedRefs: new Set(['user:default/jane-doe', 'group:default/payments']),
};
const CODE_HOST: ScorecardCodeHostFacts = {
  hasReadme: true,
  hasCodeowners: true,
  hasContributingFile: true,
  openGoodFirstIssues: 3,
  lastCommitAt: '2030-06-01T08:00:00Z',
  medianFirstResponseHours: 20,
  outsideContributions: 4,
};

function statuses(scorecard: ReturnType<typeof scoreEntity>) {
  return Object.fromEntries(scorecard.results.map(r => [r.checkId, r.status]));
}

describe('scoreEntity', () => {
  it('gives a well-run project with all the data gold and 100', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: COMPLETE_ANNOTATIONS,
        catalog: CATALOG,
        codeHost: CODE_HOST,
      }),
    );
    expect(scorecard).toMatchObject({
      entityRef: 'component:default/payments-gateway',
      level: 'gold',
      score: 100,
      unknownExemptions: [],
    });
    expect(scorecard.nextLevel).toBeUndefined();
    expect(scorecard.results.map(r => r.checkId)).toEqual(
      DEFAULT_SCORECARD_CHECKS.map(c => c.id),
    );
    expect(scorecard.results.every(r => r.status === 'pass')).toBe(true);
  });

  it('scores the annotations alone without counting what it cannot see', () => {
    const scorecard = scoreEntity(
      scorecardInput({ annotations: COMPLETE_ANNOTATIONS }),
    );
    expect(statuses(scorecard)).toEqual({
      'owner-is-team': 'pass',
      description: 'pass',
      readme: 'not-reported',
      docs: 'pass',
      skills: 'pass',
      'not-deprecated': 'pass',
      contributing: 'pass',
      chat: 'pass',
      'trusted-committers': 'not-reported',
      codeowners: 'not-reported',
      license: 'pass',
      'asks-not-expired': 'pass',
      'good-first-issues': 'not-reported',
      'recent-activity': 'not-reported',
      'response-time': 'not-reported',
      'outside-contributions': 'not-reported',
    });
    // Not-reported checks count for nothing in the score, but a level is
    // never held on facts that were not seen: no README fact, no bronze.
    expect(scorecard.score).toBe(100);
    expect(scorecard.level).toBeUndefined();
    expect(scorecard.nextLevel).toEqual({
      id: 'bronze',
      blockingChecks: ['readme'],
      missingFacts: ['readme'],
    });
  });

  it('says that no code-host module is installed when neither facts nor a reason are given', () => {
    const readme = scoreEntity(scorecardInput()).results.find(
      r => r.checkId === 'readme',
    );
    expect(readme).toEqual({
      checkId: 'readme',
      status: 'not-reported',
      evidence: expect.stringContaining(
        'no code-host module is installed: add @innersource/backstage-plugin-innersource-backend-module-github or @innersource/backstage-plugin-innersource-backend-module-gitlab',
      ),
    });
    expect(readme?.evidence).toContain(
      'innersource.scorecards.checks.readme.optional: true',
    );
  });

  it('gives the reason the code-host facts are missing as the evidence of every code-host check', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        catalog: CATALOG,
        codeHostUnavailable:
          'github.com/project-slug "payments" is not "owner/name"',
      }),
    );
    const codeHostResults = scorecard.results.filter(r =>
      DEFAULT_SCORECARD_CHECKS.some(
        c => c.id === r.checkId && c.needs === 'code-host',
      ),
    );
    expect(codeHostResults.length).toBeGreaterThan(0);
    for (const result of codeHostResults) {
      expect(result).toMatchObject({
        status: 'not-reported',
        evidence:
          'no code-host facts: github.com/project-slug "payments" is not "owner/name"',
      });
    }
  });

  it('holds the levels the annotations earn when the code-host checks are optional', () => {
    const codeHostChecks = DEFAULT_SCORECARD_CHECKS.filter(
      c => c.needs === 'code-host',
    ).map(c => c.id);
    const scorecard = scoreEntity(
      scorecardInput({ annotations: COMPLETE_ANNOTATIONS, catalog: CATALOG }),
      {
        ...DEFAULT_SCORECARD_OPTIONS,
        checks: Object.fromEntries(
          codeHostChecks.map(id => [id, { optional: true }]),
        ),
      },
    );
    expect(scorecard).toMatchObject({ score: 100, level: 'silver' });
    // Gold's only judged check is asks-not-expired; its other facts are all missing.
    expect(scorecard.level).toBe('silver');
  });

  it('holds no level above a failing bronze check, however good the rest', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: COMPLETE_ANNOTATIONS,
        spec: { owner: 'group:payments', lifecycle: 'deprecated' },
        catalog: CATALOG,
        codeHost: CODE_HOST,
      }),
    );
    expect(scorecard.level).toBeUndefined();
    expect(scorecard.nextLevel).toEqual({
      id: 'bronze',
      blockingChecks: ['not-deprecated'],
      missingFacts: [],
    });
    // 30 points possible, 2 of them lost.
    expect(scorecard.score).toBe(93);
  });

  it('names the failing checks of the next level, counting warnings as passing', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: {
          ...COMPLETE_ANNOTATIONS,
          'innersource/help-wanted-until': '2030-06-20',
        },
        catalog: CATALOG,
        codeHost: {
          ...CODE_HOST,
          outsideContributions: 0,
          hasCodeowners: false,
        },
      }),
    );
    expect(statuses(scorecard)['asks-not-expired']).toBe('warn');
    expect(scorecard).toMatchObject({
      level: 'bronze',
      nextLevel: { id: 'silver', blockingChecks: ['codeowners'] },
    });
    // 30 points: codeowners (1) and outside-contributions (3) lost, half of asks-not-expired (1).
    expect(scorecard.score).toBe(85);
  });

  it('turns exempted checks into exempt, out of the score and the levels', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: {
          ...COMPLETE_ANNOTATIONS,
          'innersource/scorecard-exempt':
            'codeowners: two maintainers review everything; outside-contributions: new this quarter',
        },
        catalog: CATALOG,
        codeHost: {
          ...CODE_HOST,
          outsideContributions: 0,
          hasCodeowners: false,
        },
      }),
    );
    expect(scorecard.results.filter(r => r.status === 'exempt')).toEqual([
      {
        checkId: 'codeowners',
        status: 'exempt',
        evidence: 'the repository has no CODEOWNERS file',
        exemptionReason: 'two maintainers review everything',
      },
      {
        checkId: 'outside-contributions',
        status: 'exempt',
        evidence:
          '0 merged contributions from outside the owning team in the last 180 days',
        exemptionReason: 'new this quarter',
      },
    ]);
    expect(scorecard).toMatchObject({ level: 'gold', score: 100 });
  });

  it('reports exemptions of checks that do not exist, with a suggestion', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: {
          'innersource/scorecard-exempt':
            'codeowner: we pair on everything; sbom: not our job; readme: in the wiki',
        },
      }),
    );
    expect(scorecard.unknownExemptions).toEqual([
      {
        checkId: 'codeowner',
        reason: 'we pair on everything',
        didYouMean: 'codeowners',
      },
      { checkId: 'sbom', reason: 'not our job' },
    ]);
    expect(
      scorecard.unknownExemptions
        .map(unknownExemptionProblem)
        .map(formatAnnotationProblem),
    ).toEqual([
      'innersource/scorecard-exempt: "codeowner" is not a scorecard check; did you mean "codeowners"?',
      'innersource/scorecard-exempt: "sbom" is not a scorecard check; use the id of a check of the scorecard, or remove the exemption',
    ]);
  });

  it('does not report an exemption of a check that is only disabled', () => {
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: { 'innersource/scorecard-exempt': 'codeowners: pairing' },
      }),
      resolveScorecardOptions({ checks: { codeowners: { enabled: false } } }),
    );
    expect(scorecard.unknownExemptions).toEqual([]);
    expect(scorecard.results.map(r => r.checkId)).not.toContain('codeowners');
  });

  it('applies the configured weights, levels and thresholds', () => {
    const input = scorecardInput({
      annotations: { 'innersource/chat': '#payments-dev' },
      metadata: { description: 'Short but fine.' },
      codeHost: { hasReadme: true },
    });
    const defaults = scoreEntity(input);
    const configured = scoreEntity(
      input,
      resolveScorecardOptions({
        checks: {
          chat: { weight: 20, level: 'bronze' },
          docs: { enabled: false },
          skills: { level: 'gold' },
        },
        thresholds: { descriptionMinLength: 10 },
      }),
    );
    expect(statuses(defaults).description).toBe('fail');
    expect(statuses(configured).description).toBe('pass');
    expect(defaults.level).toBeUndefined();
    expect(configured.level).toBe('bronze');
    expect(configured.score).toBeGreaterThan(defaults.score!);
  });

  it('has a null score when no check applies', () => {
    const onlyCodeHost = resolveScorecardOptions({
      checks: Object.fromEntries(
        DEFAULT_SCORECARD_CHECKS.filter(c => c.needs !== 'code-host').map(c => [
          c.id,
          { enabled: false },
        ]),
      ),
    });
    const scorecard = scoreEntity(scorecardInput(), onlyCodeHost);
    expect(scorecard.score).toBeNull();
    expect(scorecard.level).toBeUndefined();
    expect(scorecard.nextLevel).toEqual({
      id: 'bronze',
      blockingChecks: ['readme'],
      missingFacts: ['readme'],
    });
  });

  it('runs checks from extensions, and survives one that throws', () => {
    const sbom: ScorecardCheckDefinition = {
      id: 'sbom',
      title: 'Publishes an SBOM',
      level: 'silver',
      weight: 1,
      description: 'An SBOM is published.',
      remediation: 'Publish one.',
      needs: 'annotations',
      evaluate: () => ({ status: 'pass', evidence: 'an SBOM is published' }),
    };
    const broken: ScorecardCheckDefinition = {
      ...sbom,
      id: 'broken',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const definitions = [...DEFAULT_SCORECARD_CHECKS, sbom, broken];
    const scorecard = scoreEntity(
      scorecardInput({
        annotations: { 'innersource/scorecard-exempt': 'sbom: not yet' },
      }),
      resolveScorecardOptions(undefined, definitions),
      definitions,
    );
    expect(scorecard.results.slice(-2)).toEqual([
      {
        checkId: 'sbom',
        status: 'exempt',
        evidence: 'an SBOM is published',
        exemptionReason: 'not yet',
      },
      {
        checkId: 'broken',
        status: 'not-reported',
        evidence: 'the check could not be evaluated',
      },
    ]);
    expect(scorecard.unknownExemptions).toEqual([]);
  });

  it('names the entity by its full ref in lower case', () => {
    expect(
      scoreEntity(
        scorecardInput({
          kind: 'System',
          metadata: { name: 'Payments-Platform', namespace: 'Retail' },
        }),
      ).entityRef,
    ).toBe('system:retail/payments-platform');
  });

  it('keeps the entity ref the caller gives', () => {
    expect(
      scoreEntity({
        ...scorecardInput(),
        entityRef: 'component:default/from-the-catalog',
      }).entityRef,
    ).toBe('component:default/from-the-catalog');
  });
});

describe('createScorer', () => {
  it('scores like scoreEntity, with the configuration worked out once', () => {
    const options = resolveScorecardOptions({
      checks: { readme: { enabled: false }, skills: { weight: 5 } },
    });
    const score = createScorer(options, DEFAULT_SCORECARD_CHECKS);
    const inputs = [
      scorecardInput(),
      scorecardInput({ metadata: { name: 'bare', annotations: {} } }),
      { ...scorecardInput(), catalog: CATALOG, codeHost: CODE_HOST },
    ];
    for (const input of inputs) {
      expect(score(input)).toEqual(
        scoreEntity(input, options, DEFAULT_SCORECARD_CHECKS),
      );
    }
  });
});
