import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_SCORECARD_CHECKS,
  DEFAULT_SCORECARD_THRESHOLDS,
  ScorecardCheckDefinition,
  ScorecardConfigError,
} from '@innersource/backstage-plugin-innersource-common';
import {
  DEFAULT_SCORECARD_ENTITIES,
  readScorecardSettings,
  SCORECARD_ENTITY_FIELDS,
} from './config';

const read = (
  scorecards?: unknown,
  extensions?: Parameters<typeof readScorecardSettings>[1],
) =>
  readScorecardSettings(
    new ConfigReader(
      scorecards === undefined ? {} : ({ innersource: { scorecards } } as any),
    ),
    extensions,
  );

function problemsOf(scorecards: unknown): string[] {
  try {
    read(scorecards);
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardConfigError);
    return (error as ScorecardConfigError).problems;
  }
  throw new Error('expected the configuration to be rejected');
}

const extraCheck: ScorecardCheckDefinition = {
  id: 'on-call',
  title: 'On call',
  level: 'platinum',
  weight: 1,
  needs: 'annotations',
  description: 'd',
  remediation: 'r',
  evaluate: () => ({ status: 'pass', evidence: 'yes' }),
};

describe('readScorecardSettings', () => {
  it('scores Components and Systems hourly and keeps 90 days of history by default', () => {
    expect(read()).toEqual({
      options: { thresholds: DEFAULT_SCORECARD_THRESHOLDS },
      definitions: [...DEFAULT_SCORECARD_CHECKS],
      entities: DEFAULT_SCORECARD_ENTITIES,
      entityFields: [...SCORECARD_ENTITY_FIELDS],
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 30 } },
      historyRetentionDays: 90,
    });
  });

  it('reads every key', () => {
    const settings = read({
      checks: { readme: { weight: 5 } },
      thresholds: { activityDays: 30 },
      entities: [{ kind: 'component', 'spec.type': ['service', 'library'] }],
      schedule: {
        frequency: '10m',
        timeout: { minutes: 5 },
        initialDelay: 'PT5S',
      },
      history: { retentionDays: '30' },
    });
    expect(settings.options.checks).toEqual({ readme: { weight: 5 } });
    expect(settings.options.thresholds.activityDays).toBe(30);
    expect(settings.entities).toEqual([
      { kind: 'component', 'spec.type': ['service', 'library'] },
    ]);
    expect(settings.schedule).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
    });
    expect(settings.historyRetentionDays).toBe(30);
  });

  it('takes a single filter mapping and a cron schedule', () => {
    const settings = read({
      entities: { kind: 'api' },
      schedule: { frequency: { cron: '0 * * * *' } },
    });
    expect(settings.entities).toEqual([{ kind: 'api' }]);
    expect(settings.schedule.frequency).toEqual({ cron: '0 * * * *' });
  });

  it('adds the checks and entity fields of extensions', () => {
    const check = { ...extraCheck, level: 'silver' };
    const settings = read(undefined, {
      checks: [check],
      entityFields: ['spec.profile', 'metadata'],
    });
    expect(settings.definitions.map(d => d.id)).toEqual([
      ...DEFAULT_SCORECARD_CHECKS.map(d => d.id),
      'on-call',
    ]);
    expect(settings.entityFields).toEqual([
      ...SCORECARD_ENTITY_FIELDS,
      'spec.profile',
    ]);
    // Extension checks are configured like the default ones.
    expect(
      read({ checks: { 'on-call': { enabled: false } } }, { checks: [check] })
        .options.checks,
    ).toEqual({ 'on-call': { enabled: false } });
  });

  it('names every bad key, the scoring options and the backend keys alike', () => {
    expect(
      problemsOf({
        checks: { readme: { weight: 'heavy' } },
        entities: [{ kind: 3 }, 'component'],
        schedule: { frequency: 'often', intialDelay: '5s' },
        history: { retentionDays: 0 },
        histroy: {},
      }),
    ).toEqual([
      'innersource.scorecards.histroy is not a known option; did you mean innersource.scorecards.history?',
      'innersource.scorecards.checks.readme.weight must be a positive number, got "heavy"',
      'innersource.scorecards.entities[0].kind must be a non-empty string or a list of them, got 3',
      'innersource.scorecards.entities[1] must be a mapping of entity fields to values, e.g. { kind: component, spec.type: service }, got "component"',
      'innersource.scorecards.schedule.intialDelay is not a known option; use one of: frequency, timeout, initialDelay',
      expect.stringMatching(
        /^Invalid innersource\.scorecards\.schedule\.frequency: give a duration/,
      ),
      'innersource.scorecards.history.retentionDays must be a whole number of days, at least 1, got 0',
    ]);
    expect(problemsOf({ entities: [] })).toEqual([
      'innersource.scorecards.entities must be a catalog filter: a mapping or a non-empty list of mappings, e.g. [{ kind: component }, { kind: system }], got a list',
    ]);
    expect(problemsOf({ history: 90 })).toEqual([
      'innersource.scorecards.history must be a mapping, e.g. { retentionDays: 90 }, got 90',
    ]);
    expect(problemsOf({ schedule: 'hourly' })).toEqual([
      'innersource.scorecards.schedule must be a mapping, e.g. { frequency: { hours: 1 } }, got "hourly"',
    ]);
  });

  it('rejects an extension check of a level that does not exist, or with a taken id', () => {
    expect(() => read(undefined, { checks: [extraCheck] })).toThrow(
      /innersource\.scorecards\.levels has no level "platinum", which the checks on-call belong to/,
    );
    expect(() =>
      read(undefined, {
        checks: [{ ...extraCheck, id: 'readme', level: 'bronze' }],
      }),
    ).toThrow('Two scorecard checks have the id "readme"');
  });
});
