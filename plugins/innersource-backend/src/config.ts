import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

export const DEFAULT_BOARD_REFRESH_FREQUENCY: HumanDuration = { minutes: 5 };
export const DEFAULT_BOARD_REFRESH_TIMEOUT: HumanDuration = { minutes: 10 };

const REFRESH_KEY = 'innersource.board.refresh';

function durationAt(config: Config, key: string): HumanDuration | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  try {
    return readDurationFromConfig(config, { key });
  } catch (error) {
    throw new Error(
      `Invalid ${REFRESH_KEY}.${key}: give a duration such as { minutes: 5 }, '5m' or 'PT5M'. ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * The schedule of the board's refresh from `innersource.board.refresh`:
 * `frequency` (a duration such as `{ minutes: 5 }`, `5m` or `PT5M`, or
 * `{ cron: '*\/5 * * * *' }`), `timeout` and `initialDelay` (durations).
 */
export function readBoardRefreshSchedule(
  config: Config,
): Pick<
  SchedulerServiceTaskScheduleDefinition,
  'frequency' | 'timeout' | 'initialDelay'
> {
  const refresh = config.getOptionalConfig(REFRESH_KEY);
  if (!refresh) {
    return {
      frequency: DEFAULT_BOARD_REFRESH_FREQUENCY,
      timeout: DEFAULT_BOARD_REFRESH_TIMEOUT,
    };
  }
  const frequency = refresh.getOptional('frequency');
  const cron =
    typeof frequency === 'object' && frequency !== null && 'cron' in frequency
      ? refresh.getString('frequency.cron')
      : undefined;
  const initialDelay = durationAt(refresh, 'initialDelay');
  return {
    frequency: cron
      ? { cron }
      : durationAt(refresh, 'frequency') ?? DEFAULT_BOARD_REFRESH_FREQUENCY,
    timeout: durationAt(refresh, 'timeout') ?? DEFAULT_BOARD_REFRESH_TIMEOUT,
    ...(initialDelay ? { initialDelay } : {}),
  };
}
