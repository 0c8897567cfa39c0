import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

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
