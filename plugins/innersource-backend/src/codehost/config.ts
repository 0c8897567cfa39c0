import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { ConfiguredTaskSchedule, readTaskSchedule } from '../lib/taskSchedule';
import { isPlainObject, unknownKeys } from '../lib/configProblems';

export const CODE_HOST_KEY = 'innersource.codeHost';

export const DEFAULT_CODE_HOST_REFRESH_FREQUENCY: HumanDuration = {
  minutes: 15,
};
export const DEFAULT_CODE_HOST_REFRESH_TIMEOUT: HumanDuration = {
  minutes: 10,
};
/** Soon after start-up, so that a fresh installation shows facts within its first minute. */
export const DEFAULT_CODE_HOST_INITIAL_DELAY: HumanDuration = { seconds: 5 };
export const DEFAULT_CODE_HOST_BUDGET = 2000;
export const DEFAULT_CODE_HOST_MAX_AGE: HumanDuration = { days: 7 };
export const DEFAULT_RECOMPUTE_MIN_INTERVAL: HumanDuration = { minutes: 1 };
export const DEFAULT_RECOMPUTE_BUDGET = 50;

/** Everything the backend reads from `innersource.codeHost`, checked. */
export type CodeHostSettings = {
  schedule: ConfiguredTaskSchedule;
  /** Units of the code host's rate budget one cycle may spend (GitHub: GraphQL points). */
  budget: number;
  /** Facts older than this no longer count: the checks say `not-reported`. */
  maxAgeMs: number;
  /** The same, as configured, for messages. */
  maxAge: HumanDuration;
  /** Recomputing a scorecard re-reads its repository. */
  refreshOnRecompute: {
    /** At most once per this long per repository; otherwise the stored facts are used. */
    minIntervalMs: number;
    /** The budget of one such read. */
    budget: number;
  };
};

const KNOWN_KEYS = ['schedule', 'budget', 'maxAge', 'refreshOnRecompute'];
const SCHEDULE_KEYS = ['frequency', 'timeout', 'initialDelay'];
const RECOMPUTE_KEYS = ['minInterval', 'budget'];

function readWholeNumber(
  config: Config,
  key: string,
  fallback: number,
  problems: string[],
): number {
  const value = config.getOptional(key);
  if (value === undefined) {
    return fallback;
  }
  // Values substituted from environment variables arrive as strings.
  const number =
    typeof value === 'string' && /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    problems.push(
      `${CODE_HOST_KEY}.${key} must be a whole number, at least 1, got ${JSON.stringify(
        value,
      )}`,
    );
    return fallback;
  }
  return number;
}

function readDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
  problems: string[],
): HumanDuration {
  if (!config.has(key)) {
    return fallback;
  }
  try {
    const duration = readDurationFromConfig(config, { key });
    if (!(durationToMilliseconds(duration) > 0)) {
      problems.push(
        `${CODE_HOST_KEY}.${key} must be a duration longer than 0, such as { days: 7 }, '7d' or 'P7D'`,
      );
      return fallback;
    }
    return duration;
  } catch (error) {
    problems.push(
      `${CODE_HOST_KEY}.${key} must be a duration such as { days: 7 }, '7d' or 'P7D'. ${
        (error as Error).message
      }`,
    );
    return fallback;
  }
}

/** A configuration the code-host facts cannot run on: every problem, each naming its key. */
export class CodeHostConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid ${CODE_HOST_KEY} configuration: ${problems.join('; ')}`);
    this.name = 'CodeHostConfigError';
  }
}

/**
 * Reads and checks `innersource.codeHost`. Throws a {@link CodeHostConfigError}
 * naming every bad or unknown key, so that the plugin does not start on a
 * configuration it would misread.
 */
export function readCodeHostSettings(config: Config): CodeHostSettings {
  const section = config.getOptionalConfig(CODE_HOST_KEY);
  const raw = config.getOptional(CODE_HOST_KEY);
  const problems: string[] = [];
  const defaults = {
    frequency: DEFAULT_CODE_HOST_REFRESH_FREQUENCY,
    timeout: DEFAULT_CODE_HOST_REFRESH_TIMEOUT,
    initialDelay: DEFAULT_CODE_HOST_INITIAL_DELAY,
  };
  if (raw !== undefined && !isPlainObject(raw)) {
    throw new CodeHostConfigError([
      `${CODE_HOST_KEY} must be a mapping, e.g. { budget: 2000, maxAge: { days: 7 } }`,
    ]);
  }
  if (!section || !isPlainObject(raw)) {
    return {
      schedule: defaults,
      budget: DEFAULT_CODE_HOST_BUDGET,
      maxAge: DEFAULT_CODE_HOST_MAX_AGE,
      maxAgeMs: durationToMilliseconds(DEFAULT_CODE_HOST_MAX_AGE),
      refreshOnRecompute: {
        minIntervalMs: durationToMilliseconds(DEFAULT_RECOMPUTE_MIN_INTERVAL),
        budget: DEFAULT_RECOMPUTE_BUDGET,
      },
    };
  }
  unknownKeys(CODE_HOST_KEY, raw, KNOWN_KEYS, problems);

  let schedule: ConfiguredTaskSchedule = defaults;
  if (raw.schedule !== undefined && !isPlainObject(raw.schedule)) {
    problems.push(
      `${CODE_HOST_KEY}.schedule must be a mapping, e.g. { frequency: { minutes: 15 } }`,
    );
  } else {
    if (isPlainObject(raw.schedule)) {
      unknownKeys(
        `${CODE_HOST_KEY}.schedule`,
        raw.schedule,
        SCHEDULE_KEYS,
        problems,
      );
    }
    try {
      schedule = readTaskSchedule(
        config,
        `${CODE_HOST_KEY}.schedule`,
        defaults,
      );
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  const budget = readWholeNumber(
    section,
    'budget',
    DEFAULT_CODE_HOST_BUDGET,
    problems,
  );
  const maxAge = readDuration(
    section,
    'maxAge',
    DEFAULT_CODE_HOST_MAX_AGE,
    problems,
  );

  let minInterval = DEFAULT_RECOMPUTE_MIN_INTERVAL;
  let recomputeBudget = DEFAULT_RECOMPUTE_BUDGET;
  const recompute = raw.refreshOnRecompute;
  if (recompute !== undefined && !isPlainObject(recompute)) {
    problems.push(
      `${CODE_HOST_KEY}.refreshOnRecompute must be a mapping, e.g. { minInterval: { minutes: 1 }, budget: 50 }`,
    );
  } else if (recompute) {
    unknownKeys(
      `${CODE_HOST_KEY}.refreshOnRecompute`,
      recompute,
      RECOMPUTE_KEYS,
      problems,
    );
    minInterval = readDuration(
      section,
      'refreshOnRecompute.minInterval',
      DEFAULT_RECOMPUTE_MIN_INTERVAL,
      problems,
    );
    recomputeBudget = readWholeNumber(
      section,
      'refreshOnRecompute.budget',
      DEFAULT_RECOMPUTE_BUDGET,
      problems,
    );
  }

  if (problems.length > 0) {
    throw new CodeHostConfigError(problems);
  }
  return {
    schedule,
    budget,
    maxAge,
    maxAgeMs: durationToMilliseconds(maxAge),
    refreshOnRecompute: {
      minIntervalMs: durationToMilliseconds(minInterval),
      budget: recomputeBudget,
    },
  };
}
