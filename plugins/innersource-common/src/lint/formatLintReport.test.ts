import { formatLintScorecard } from './formatLintReport';
import { LintScorecard } from './lintCatalogYaml';

function scorecard(parts: Partial<LintScorecard>): LintScorecard {
  return {
    file: 'catalog-info.yaml',
    entity: 'component:default/checkout-web',
    results: [],
    score: 100,
    unknownExemptions: [],
    ...parts,
  };
}

describe('formatLintScorecard', () => {
  it('gives the score and the level', () => {
    expect(
      formatLintScorecard(
        scorecard({
          level: 'silver',
          nextLevel: { id: 'gold', blockingChecks: [] },
        }),
      ),
    ).toBe(
      'component:default/checkout-web: score 100 (annotation checks only), level silver',
    );
  });

  it('names the failing and the warning checks', () => {
    expect(
      formatLintScorecard(
        scorecard({
          score: 46,
          results: [
            { checkId: 'docs', status: 'fail', evidence: '' },
            { checkId: 'skills', status: 'fail', evidence: '' },
            { checkId: 'asks-not-expired', status: 'warn', evidence: '' },
            { checkId: 'readme', status: 'not-reported', evidence: '' },
            { checkId: 'chat', status: 'exempt', evidence: '' },
          ],
        }),
      ),
    ).toBe(
      'component:default/checkout-web: score 46 (annotation checks only), level —; failing: docs, skills; warning: asks-not-expired',
    );
  });

  it('shows a dash when nothing could be scored', () => {
    expect(formatLintScorecard(scorecard({ score: null }))).toBe(
      'component:default/checkout-web: score — (annotation checks only), level —',
    );
  });

  it('names exemptions of unknown checks, quoted and escaped', () => {
    expect(
      formatLintScorecard(
        scorecard({
          unknownExemptions: [
            { checkId: 'codeowner', reason: 'r', didYouMean: 'codeowners' },
            { checkId: 'sbom\u202e', reason: 'r' },
          ],
        }),
      ),
    ).toBe(
      'component:default/checkout-web: score 100 (annotation checks only), level —; ' +
        'unknown check in innersource/scorecard-exempt: "codeowner" (did you mean "codeowners"?); ' +
        'unknown check in innersource/scorecard-exempt: "sbom\\u202e"',
    );
  });
});
