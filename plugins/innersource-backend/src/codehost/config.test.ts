import { ConfigReader } from '@backstage/config';
import { readCodeHostSettings } from './config';

const settingsOf = (codeHost: unknown) =>
  readCodeHostSettings(new ConfigReader({ innersource: { codeHost } } as any));

describe('readCodeHostSettings', () => {
  it('reads every 15 minutes, soon after start-up, with 2000 units, facts valid for 7 days', () => {
    expect(readCodeHostSettings(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 15 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      },
      budget: 2000,
      maxAge: { days: 7 },
      maxAgeMs: 7 * 24 * 60 * 60 * 1000,
      refreshOnRecompute: { minIntervalMs: 60_000, budget: 50 },
    });
  });

  it('reads durations as HumanDuration, shorthand or ISO 8601, and numbers given as strings', () => {
    expect(
      settingsOf({
        schedule: { frequency: 'PT30M', initialDelay: { seconds: 1 } },
        budget: '500',
        maxAge: 'P3D',
        refreshOnRecompute: { minInterval: '5m', budget: 10 },
      }),
    ).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 1 },
      },
      budget: 500,
      maxAge: { days: 3 },
      maxAgeMs: 3 * 24 * 60 * 60 * 1000,
      refreshOnRecompute: { minIntervalMs: 5 * 60_000, budget: 10 },
    });
  });

  it('refuses unknown keys and bad values, naming each key', () => {
    expect(() =>
      settingsOf({
        budgets: 10,
        budget: 0,
        maxAge: 'a week',
        schedule: { every: '5m' },
        refreshOnRecompute: { interval: '1m', budget: -1 },
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'innersource.codeHost.budgets is not a known option; use one of: schedule, budget, maxAge, refreshOnRecompute',
          'innersource.codeHost.schedule.every is not a known option; use one of: frequency, timeout, initialDelay',
          'innersource.codeHost.budget must be a whole number, at least 1, got 0',
          expect.stringContaining(
            "innersource.codeHost.maxAge must be a duration such as { days: 7 }, '7d' or 'P7D'",
          ),
          'innersource.codeHost.refreshOnRecompute.interval is not a known option; use one of: minInterval, budget',
          'innersource.codeHost.refreshOnRecompute.budget must be a whole number, at least 1, got -1',
        ],
      }),
    );
  });

  it('refuses a schedule that is not a duration, naming its key', () => {
    expect(() => settingsOf({ schedule: { frequency: 'often' } })).toThrow(
      /innersource\.codeHost\.schedule\.frequency/,
    );
  });
});
