import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { InterestLimit, InterestLimits } from './database/InterestStore';

export const DEFAULT_BOARD_REFRESH_FREQUENCY: HumanDuration = { minutes: 5 };
export const DEFAULT_BOARD_REFRESH_TIMEOUT: HumanDuration = { minutes: 10 };

const REFRESH_KEY = 'innersource.board.refresh';

/** The parts of a task's schedule that configuration sets. */
export type ConfiguredTaskSchedule = Pick<
  SchedulerServiceTaskScheduleDefinition,
  'frequency' | 'timeout' | 'initialDelay'
>;

function durationAt(
  config: Config,
  parentKey: string,
  key: string,
): HumanDuration | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  try {
    return readDurationFromConfig(config, { key });
  } catch (error) {
    throw new Error(
      `Invalid ${parentKey}.${key}: give a duration such as { minutes: 5 }, '5m' or 'PT5M'. ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * A task's schedule from the configuration at `key`: `frequency` (a duration
 * such as `{ minutes: 5 }`, `5m` or `PT5M`, or `{ cron: '*\/5 * * * *' }`),
 * `timeout` and `initialDelay` (durations); what is not configured comes from
 * `defaults`. A bad value throws an error naming its full key.
 */
export function readTaskSchedule(
  config: Config,
  key: string,
  defaults: ConfiguredTaskSchedule,
): ConfiguredTaskSchedule {
  const schedule = config.getOptionalConfig(key);
  if (!schedule) {
    return { ...defaults };
  }
  const frequency = schedule.getOptional('frequency');
  const cron =
    typeof frequency === 'object' && frequency !== null && 'cron' in frequency
      ? schedule.getString('frequency.cron')
      : undefined;
  const initialDelay =
    durationAt(schedule, key, 'initialDelay') ?? defaults.initialDelay;
  return {
    frequency: cron
      ? { cron }
      : durationAt(schedule, key, 'frequency') ?? defaults.frequency,
    timeout: durationAt(schedule, key, 'timeout') ?? defaults.timeout,
    ...(initialDelay ? { initialDelay } : {}),
  };
}

/**
 * The schedule of the board's refresh from `innersource.board.refresh`:
 * `frequency` (a duration such as `{ minutes: 5 }`, `5m` or `PT5M`, or
 * `{ cron: '*\/5 * * * *' }`), `timeout` and `initialDelay` (durations).
 */
export function readBoardRefreshSchedule(
  config: Config,
): ConfiguredTaskSchedule {
  return readTaskSchedule(config, REFRESH_KEY, {
    frequency: DEFAULT_BOARD_REFRESH_FREQUENCY,
    timeout: DEFAULT_BOARD_REFRESH_TIMEOUT,
  });
}

const INTEREST_KEY = 'innersource.board.interest';

/** Default: one offer per user and entity a day, ten per user an hour. */
export const DEFAULT_INTEREST_LIMITS: InterestLimits = {
  perUserAndEntity: { max: 1, windowMs: 24 * 60 * 60 * 1000 },
  perUser: { max: 10, windowMs: 60 * 60 * 1000 },
};

function readInterestLimit(
  config: Config | undefined,
  name: keyof InterestLimits,
): InterestLimit {
  const fallback = DEFAULT_INTEREST_LIMITS[name];
  const limit = config?.getOptionalConfig(name);
  if (!limit) {
    return fallback;
  }
  const key = `${INTEREST_KEY}.${name}`;
  const max = limit.getOptionalNumber('max') ?? fallback.max;
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`Invalid ${key}.max: give a whole number of at least 1`);
  }
  let windowMs = fallback.windowMs;
  if (limit.has('window')) {
    try {
      windowMs = durationToMilliseconds(
        readDurationFromConfig(limit, { key: 'window' }),
      );
    } catch (error) {
      throw new Error(
        `Invalid ${key}.window: give a duration such as { hours: 24 }, '24h' or 'PT24H'. ${
          (error as Error).message
        }`,
      );
    }
  }
  if (!(windowMs > 0)) {
    throw new Error(`Invalid ${key}.window: give a duration longer than 0`);
  }
  return { max, windowMs };
}

/**
 * The rate limits of "I want to help" from `innersource.board.interest`:
 * `perUserAndEntity` and `perUser`, each `{ max, window }`.
 */
export function readInterestLimits(config: Config): InterestLimits {
  const interest = config.getOptionalConfig(INTEREST_KEY);
  return {
    perUserAndEntity: readInterestLimit(interest, 'perUserAndEntity'),
    perUser: readInterestLimit(interest, 'perUser'),
  };
}
