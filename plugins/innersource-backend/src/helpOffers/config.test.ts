import { ConfigReader } from '@backstage/config';
import { readInterestLimits } from './config';

describe('readInterestLimits', () => {
  const readLimits = (interest?: object) =>
    readInterestLimits(
      new ConfigReader(
        interest ? { innersource: { board: { interest } } } : {},
      ),
    );

  it('allows one offer per user and entity a day and ten per user an hour by default', () => {
    expect(readLimits()).toEqual({
      perUserAndEntity: { max: 1, windowMs: 86_400_000 },
      perUser: { max: 10, windowMs: 3_600_000 },
    });
  });

  it('reads limits and durations from config', () => {
    expect(
      readLimits({ perUserAndEntity: { window: '12h' }, perUser: { max: 5 } }),
    ).toEqual({
      perUserAndEntity: { max: 1, windowMs: 43_200_000 },
      perUser: { max: 5, windowMs: 3_600_000 },
    });
  });

  it('names the key of a bad value', () => {
    expect(() => readLimits({ perUser: { max: 0 } })).toThrow(
      'Invalid innersource.board.interest.perUser.max',
    );
    expect(() => readLimits({ perUser: { window: 'soon' } })).toThrow(
      'Invalid innersource.board.interest.perUser.window',
    );
  });
});
