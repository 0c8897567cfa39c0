import { ConfigReader } from '@backstage/config';
import { readBoardRefreshSchedule } from './config';

const read = (refresh?: object) =>
  readBoardRefreshSchedule(
    new ConfigReader(refresh ? { innersource: { board: { refresh } } } : {}),
  );

describe('readBoardRefreshSchedule', () => {
  it('refreshes every 5 minutes, for at most 10, by default', () => {
    expect(read()).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
    });
  });

  it('reads durations in every form Backstage accepts', () => {
    expect(
      read({ frequency: { minutes: 1 }, timeout: '2m', initialDelay: 'PT30S' }),
    ).toEqual({
      frequency: { minutes: 1 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 30 },
    });
  });

  it('reads a duration given as text', () => {
    expect(read({ frequency: '30s' }).frequency).toEqual({ seconds: 30 });
  });

  it('reads a cron expression', () => {
    expect(read({ frequency: { cron: '*/15 * * * *' } }).frequency).toEqual({
      cron: '*/15 * * * *',
    });
  });

  it('names the key of a bad value', () => {
    expect(() => read({ frequency: 'often' })).toThrow(
      /^Invalid innersource\.board\.refresh\.frequency: give a duration/,
    );
    expect(() => read({ timeout: { lightyears: 1 } })).toThrow(
      /^Invalid innersource\.board\.refresh\.timeout/,
    );
  });
});
