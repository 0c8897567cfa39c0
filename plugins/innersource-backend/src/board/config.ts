import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { ConfiguredTaskSchedule, readTaskSchedule } from '../lib/taskSchedule';

export const DEFAULT_BOARD_REFRESH_FREQUENCY: HumanDuration = { minutes: 5 };
export const DEFAULT_BOARD_REFRESH_TIMEOUT: HumanDuration = { minutes: 10 };

const REFRESH_KEY = 'innersource.board.refresh';

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
