import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { InterestLimit, InterestLimits } from './InterestStore';

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
