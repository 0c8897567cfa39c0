import { Config } from '@backstage/config';

/** How the badges are served, from `innersource.badges`. */
export type BadgeConfig = {
  /** Whether badges are only served under opaque ids (`/badges/id/:uuid/...`). */
  obfuscate: boolean;
  /** `max-age` of badges, in seconds. */
  cacheMaxAgeSeconds: number;
};

export const DEFAULT_BADGE_CACHE_MAX_AGE_SECONDS = 300;

const KEY = 'innersource.badges';

/** Reads and checks `innersource.badges.obfuscate` and `.cacheMaxAge`. */
export function readBadgeConfig(config: Config): BadgeConfig {
  const badges = config.getOptionalConfig(KEY);
  let obfuscate = false;
  let cacheMaxAgeSeconds = DEFAULT_BADGE_CACHE_MAX_AGE_SECONDS;
  try {
    obfuscate = badges?.getOptionalBoolean('obfuscate') ?? false;
  } catch {
    throw new Error(`Invalid ${KEY}.obfuscate: give true or false`);
  }
  try {
    cacheMaxAgeSeconds =
      badges?.getOptionalNumber('cacheMaxAge') ?? cacheMaxAgeSeconds;
  } catch {
    cacheMaxAgeSeconds = NaN;
  }
  if (!Number.isInteger(cacheMaxAgeSeconds) || cacheMaxAgeSeconds < 0) {
    throw new Error(
      `Invalid ${KEY}.cacheMaxAge: give a whole number of seconds, 0 or more (default ${DEFAULT_BADGE_CACHE_MAX_AGE_SECONDS})`,
    );
  }
  return { obfuscate, cacheMaxAgeSeconds };
}
