import {
  COMPLETE_ANNOTATIONS,
  scorecardInput,
} from '../../__testUtils__/scorecardInput';
import { DEFAULT_SCORECARD_LEVELS } from '../levels';
import { evaluateScorecardCheck } from '../scoreEntity';
import { DEFAULT_SCORECARD_CHECKS } from '.';

describe('DEFAULT_SCORECARD_CHECKS', () => {
  it('are the sixteen checks of the design, each with a unique id', () => {
    expect(DEFAULT_SCORECARD_CHECKS.map(c => `${c.level} ${c.id}`)).toEqual([
      'bronze owner-is-team',
      'bronze description',
      'bronze readme',
      'bronze docs',
      'bronze skills',
      'bronze not-deprecated',
      'silver contributing',
      'silver chat',
      'silver trusted-committers',
      'silver codeowners',
      'silver license',
      'silver asks-not-expired',
      'gold good-first-issues',
      'gold recent-activity',
      'gold response-time',
      'gold outside-contributions',
    ]);
  });

  it('belong to a default level and weigh something', () => {
    const levels = DEFAULT_SCORECARD_LEVELS.map(l => l.id);
    for (const check of DEFAULT_SCORECARD_CHECKS) {
      expect(levels).toContain(check.level);
      expect(check.weight).toBeGreaterThan(0);
      expect(check.title).not.toBe('');
      expect(check.description).not.toBe('');
      expect(check.remediation).not.toBe('');
    }
  });

  it('each turn exempt, with the reason, when innersource/scorecard-exempt names them', () => {
    for (const check of DEFAULT_SCORECARD_CHECKS) {
      const result = evaluateScorecardCheck(
        check,
        scorecardInput({
          annotations: {
            'innersource/scorecard-exempt': `${check.id}: a reason for ${check.id}`,
          },
        }),
      );
      expect(result).toMatchObject({
        checkId: check.id,
        status: 'exempt',
        exemptionReason: `a reason for ${check.id}`,
      });
      expect(result.evidence).not.toBe('');
    }
  });

  it('never fail for missing data: without facts, catalog and code-host checks are not reported', () => {
    const bare = scorecardInput({ annotations: COMPLETE_ANNOTATIONS });
    const empty = scorecardInput({
      annotations: COMPLETE_ANNOTATIONS,
      catalog: {},
      codeHost: {},
    });
    for (const input of [bare, empty]) {
      const statuses = Object.fromEntries(
        DEFAULT_SCORECARD_CHECKS.filter(c => c.needs !== 'annotations').map(
          c => [c.id, evaluateScorecardCheck(c, input).status],
        ),
      );
      expect(statuses).toEqual({
        readme: 'not-reported',
        'trusted-committers': 'not-reported',
        codeowners: 'not-reported',
        'good-first-issues': 'not-reported',
        'recent-activity': 'not-reported',
        'response-time': 'not-reported',
        'outside-contributions': 'not-reported',
      });
    }
  });
});
