import { DEFAULT_SCORECARD_CHECKS } from './checks';
import { DEFAULT_SCORECARD_LEVELS } from './levels';
import {
  configuredScorecardChecks,
  configuredScorecardLevels,
  DEFAULT_SCORECARD_THRESHOLDS,
  resolveScorecardOptions,
  ScorecardConfigError,
} from './options';

/** The problems resolveScorecardOptions reports for a configuration. */
function problemsOf(raw: unknown): string[] {
  try {
    resolveScorecardOptions(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardConfigError);
    return (error as ScorecardConfigError).problems;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('resolveScorecardOptions', () => {
  it('gives the defaults when nothing is configured', () => {
    expect(resolveScorecardOptions(undefined)).toEqual({
      thresholds: DEFAULT_SCORECARD_THRESHOLDS,
    });
    expect(resolveScorecardOptions(null)).toEqual({
      thresholds: DEFAULT_SCORECARD_THRESHOLDS,
    });
    expect(resolveScorecardOptions({})).toEqual({
      thresholds: DEFAULT_SCORECARD_THRESHOLDS,
    });
  });

  it('reads checks, levels and thresholds, filling in what is not given', () => {
    const options = resolveScorecardOptions({
      checks: {
        readme: { weight: 5, docsUrl: 'https://handbook.example/readme' },
        codeowners: { enabled: false },
        skills: { level: 'silver' },
      },
      levels: [
        { id: 'bronze', title: 'Findable' },
        { id: 'silver', title: 'Friendly', description: 'Ready for guests' },
        { id: 'gold', title: 'Shared', rank: 7 },
      ],
      thresholds: { activityDays: 30, defaultResponseTimeHours: 36.5 },
    });
    expect(options).toEqual({
      checks: {
        readme: { weight: 5, docsUrl: 'https://handbook.example/readme' },
        codeowners: { enabled: false },
        skills: { level: 'silver' },
      },
      levels: [
        { id: 'bronze', title: 'Findable', description: '', rank: 1 },
        {
          id: 'silver',
          title: 'Friendly',
          description: 'Ready for guests',
          rank: 2,
        },
        { id: 'gold', title: 'Shared', description: '', rank: 7 },
      ],
      thresholds: {
        ...DEFAULT_SCORECARD_THRESHOLDS,
        activityDays: 30,
        defaultResponseTimeHours: 36.5,
      },
    });
  });

  it('accepts numbers and booleans written as strings, as environment variables give them', () => {
    expect(
      resolveScorecardOptions({
        checks: { readme: { weight: '2.5', enabled: 'true' } },
        thresholds: { activityDays: '60' },
      }),
    ).toMatchObject({
      checks: { readme: { weight: 2.5, enabled: true } },
      thresholds: { activityDays: 60 },
    });
  });

  it('names the key and the fix for a bad weight', () => {
    expect(problemsOf({ checks: { readme: { weight: 'heavy' } } })).toEqual([
      'innersource.scorecards.checks.readme.weight must be a positive number, got "heavy"',
    ]);
    expect(problemsOf({ checks: { readme: { weight: 0 } } })).toEqual([
      'innersource.scorecards.checks.readme.weight must be a positive number, got 0',
    ]);
    expect(problemsOf({ checks: { readme: { weight: [1] } } })).toEqual([
      'innersource.scorecards.checks.readme.weight must be a positive number, got a list',
    ]);
  });

  it('names unknown checks with "did you mean"', () => {
    expect(problemsOf({ checks: { reedme: { weight: 2 } } })).toEqual([
      'innersource.scorecards.checks.reedme is not a scorecard check; did you mean innersource.scorecards.checks.readme?',
    ]);
    expect(problemsOf({ checks: { 'sbom-present': {} } })).toEqual([
      `innersource.scorecards.checks.sbom-present is not a scorecard check; use one of: ${DEFAULT_SCORECARD_CHECKS.map(
        c => c.id,
      ).join(', ')}`,
    ]);
  });

  it('names unknown options of a check, and bad values of known ones', () => {
    expect(
      problemsOf({
        checks: {
          readme: { wieght: 2 },
          // eslint-disable-next-line no-script-url -- input that must be rejected
          chat: { enabled: 'no', docsUrl: 'javascript:alert(1)' },
          docs: true,
        },
      }),
    ).toEqual([
      'innersource.scorecards.checks.readme.wieght is not a known option; did you mean innersource.scorecards.checks.readme.weight?',
      'innersource.scorecards.checks.chat.enabled must be true or false, got "no"',
      'innersource.scorecards.checks.chat.docsUrl must be an http(s) URL, e.g. "https://docs.example.com/innersource", got "javascript:alert(1)"',
      'innersource.scorecards.checks.docs must be a mapping, e.g. { enabled: false }, got true',
    ]);
  });

  it('names bad thresholds', () => {
    expect(
      problemsOf({
        thresholds: {
          activityDays: 1.5,
          descriptionMinLength: -3,
          defaultResponseTimeHours: 'two days',
          outsideContributionsDays: 90,
        },
      }),
    ).toEqual([
      'innersource.scorecards.thresholds.activityDays must be a positive whole number, got 1.5',
      'innersource.scorecards.thresholds.descriptionMinLength must be a positive whole number, got -3',
      'innersource.scorecards.thresholds.defaultResponseTimeHours must be a positive number, got "two days"',
      'innersource.scorecards.thresholds.outsideContributionsDays is not a known option; did you mean innersource.scorecards.thresholds.outsideContributionDays?',
    ]);
  });

  it('names bad levels by their position', () => {
    expect(
      problemsOf({
        levels: [
          { id: 'bronze', title: 'Findable', rank: 1 },
          { id: 'bronze', title: '', rank: 1 },
          { id: 'gold star', title: 'Gold', colour: 'yellow' },
        ],
      }),
    ).toEqual([
      'innersource.scorecards.levels[1].id repeats the level id "bronze"',
      'innersource.scorecards.levels[1].title must be a non-empty string, got ""',
      'innersource.scorecards.levels[1].rank repeats the rank 1; give every level its own rank',
      'innersource.scorecards.levels[2].colour is not a known option; use one of: id, title, description, rank',
      'innersource.scorecards.levels[2].id must be letters, digits, "-" or "_" (at most 40), e.g. "bronze", got "gold star"',
    ]);
    expect(problemsOf({ levels: [] })).toEqual([
      'innersource.scorecards.levels must be a non-empty list of levels, e.g. [{ id: bronze, title: Bronze }], got a list',
    ]);
  });

  it('requires every enabled check to belong to a level that exists', () => {
    expect(
      problemsOf({
        checks: { readme: { level: 'platnum' } },
        levels: [
          { id: 'bronze', title: 'Findable' },
          { id: 'silver', title: 'Friendly' },
          { id: 'platinum', title: 'Shared' },
        ],
      }),
    ).toEqual([
      'innersource.scorecards.checks.readme.level "platnum" is not a level; did you mean "platinum"?',
      'innersource.scorecards.levels has no level "gold", which the checks good-first-issues, recent-activity, response-time, outside-contributions belong to; add that level, or set innersource.scorecards.checks.<id>.level of each of them to one of: bronze, silver, platinum (or disable them with enabled: false)',
    ]);
    expect(
      resolveScorecardOptions({
        levels: [{ id: 'bronze', title: 'Findable' }],
        checks: Object.fromEntries(
          DEFAULT_SCORECARD_CHECKS.filter(c => c.level !== 'bronze').map(c => [
            c.id,
            { enabled: false },
          ]),
        ),
      }).levels,
    ).toHaveLength(1);
  });

  it('rejects a configuration that is not a mapping, and typos of the top-level keys', () => {
    expect(problemsOf(['checks'])).toEqual([
      'innersource.scorecards must be a mapping, e.g. { checks: { … } }, got a list',
    ]);
    expect(problemsOf({ treshold: {} })).toEqual([
      'innersource.scorecards.treshold is not a known option; did you mean innersource.scorecards.thresholds?',
    ]);
  });

  it('leaves keys of other readers of innersource.scorecards alone', () => {
    expect(
      resolveScorecardOptions({ schedule: { frequency: { hours: 6 } } }),
    ).toEqual({ thresholds: DEFAULT_SCORECARD_THRESHOLDS });
    expect(
      resolveScorecardOptions({
        entities: [{ kind: 'component' }],
        history: { retentionDays: 30 },
        badges: { enabled: true },
      }),
    ).toEqual({ thresholds: DEFAULT_SCORECARD_THRESHOLDS });
  });

  it('catches typos of the keys the backend reads', () => {
    expect(problemsOf({ schedul: {}, histroy: {}, entites: [] })).toEqual([
      'innersource.scorecards.schedul is not a known option; did you mean innersource.scorecards.schedule?',
      'innersource.scorecards.histroy is not a known option; did you mean innersource.scorecards.history?',
      'innersource.scorecards.entites is not a known option; did you mean innersource.scorecards.entities?',
    ]);
  });

  it('reports every problem at once, one per line of the message', () => {
    const error = (() => {
      try {
        return resolveScorecardOptions({
          checks: { readme: { weight: 'heavy' } },
          thresholds: { activityDays: 0 },
        });
      } catch (e) {
        return e as Error;
      }
    })();
    expect((error as Error).message).toBe(
      [
        '2 problems in innersource.scorecards:',
        '- innersource.scorecards.checks.readme.weight must be a positive number, got "heavy"',
        '- innersource.scorecards.thresholds.activityDays must be a positive whole number, got 0',
      ].join('\n'),
    );
  });

  it('refuses check definitions with a duplicate id', () => {
    expect(() =>
      resolveScorecardOptions(undefined, [
        ...DEFAULT_SCORECARD_CHECKS,
        { ...DEFAULT_SCORECARD_CHECKS[0] },
      ]),
    ).toThrow('Two scorecard checks have the id "owner-is-team"');
  });
});

describe('configuredScorecardChecks', () => {
  it('are the default checks when nothing is configured', () => {
    expect(configuredScorecardChecks()).toEqual(DEFAULT_SCORECARD_CHECKS);
  });

  it('leaves disabled checks out and applies weight, level and docs link', () => {
    const checks = configuredScorecardChecks(
      resolveScorecardOptions({
        checks: {
          codeowners: { enabled: false },
          readme: {
            weight: 9,
            level: 'silver',
            docsUrl: 'https://handbook.example/readme',
          },
        },
      }),
    );
    expect(checks.map(c => c.id)).not.toContain('codeowners');
    expect(checks.find(c => c.id === 'readme')).toMatchObject({
      weight: 9,
      level: 'silver',
      docsUrl: 'https://handbook.example/readme',
    });
    expect(DEFAULT_SCORECARD_CHECKS.find(c => c.id === 'readme')).toMatchObject(
      { weight: 3, level: 'bronze' },
    );
  });
});

describe('configuredScorecardLevels', () => {
  it('are the default levels, or the configured ones by rank', () => {
    expect(configuredScorecardLevels()).toEqual(DEFAULT_SCORECARD_LEVELS);
    expect(
      configuredScorecardLevels(
        resolveScorecardOptions({
          levels: [
            { id: 'pro', title: 'Pro', rank: 2 },
            { id: 'starter', title: 'Starter', rank: 1 },
          ],
          checks: Object.fromEntries(
            DEFAULT_SCORECARD_CHECKS.map(c => [c.id, { level: 'starter' }]),
          ),
        }),
      ).map(l => l.id),
    ).toEqual(['starter', 'pro']);
  });
});
