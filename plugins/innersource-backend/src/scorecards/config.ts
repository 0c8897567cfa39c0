import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  DEFAULT_SCORECARD_CHECKS,
  resolveScorecardOptions,
  ScorecardCheckDefinition,
  ScorecardConfigError,
  ScorecardOptions,
} from '@innersource/backstage-plugin-innersource-common';
import { ConfiguredTaskSchedule, readTaskSchedule } from '../lib/taskSchedule';
import { isPlainObject, unknownKeys } from '../lib/configProblems';

export const SCORECARDS_KEY = 'innersource.scorecards';

export const DEFAULT_SCORECARD_REFRESH_FREQUENCY: HumanDuration = { hours: 1 };
export const DEFAULT_SCORECARD_REFRESH_TIMEOUT: HumanDuration = { minutes: 30 };
export const DEFAULT_HISTORY_RETENTION_DAYS = 90;

/** A catalog filter as configuration can write it: values are strings. */
export type ScorecardEntityFilter = Array<Record<string, string | string[]>>;

/** What is scored by default: every Component and System. */
export const DEFAULT_SCORECARD_ENTITIES: ScorecardEntityFilter = [
  { kind: 'component' },
  { kind: 'system' },
];

/**
 * The entity fields the default checks read; the scheduled scoring asks the
 * catalog for these and those that extensions add.
 */
export const SCORECARD_ENTITY_FIELDS: readonly string[] = [
  'apiVersion',
  'kind',
  'metadata',
  'spec.owner',
  'spec.lifecycle',
  'spec.type',
  'spec.system',
];

/** Everything the scorecards read from `innersource.scorecards`, checked. */
export type ScorecardSettings = {
  /** For `scoreEntity`: checks, levels and thresholds. */
  options: ScorecardOptions;
  /** The checks that exist: the defaults and those of extensions. */
  definitions: ScorecardCheckDefinition[];
  /** Which catalog entities are scored. */
  entities: ScorecardEntityFilter;
  /** The catalog fields the scoring reads. */
  entityFields: string[];
  schedule: ConfiguredTaskSchedule;
  /** History points older than this many days are removed. */
  historyRetentionDays: number;
};

const SCHEDULE_KEYS = ['frequency', 'timeout', 'initialDelay'];
const HISTORY_KEYS = ['retentionDays'];

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (value === null || value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'a mapping' : String(value);
}

function readEntities(raw: unknown, problems: string[]): ScorecardEntityFilter {
  const key = `${SCORECARDS_KEY}.entities`;
  if (raw === undefined) {
    return DEFAULT_SCORECARD_ENTITIES;
  }
  const example = '[{ kind: component }, { kind: system }]';
  const filters = isPlainObject(raw) ? [raw] : raw;
  if (!Array.isArray(filters) || filters.length === 0) {
    problems.push(
      `${key} must be a catalog filter: a mapping or a non-empty list of mappings, e.g. ${example}, got ${describe(
        raw,
      )}`,
    );
    return DEFAULT_SCORECARD_ENTITIES;
  }
  const result: ScorecardEntityFilter = [];
  filters.forEach((filter: unknown, index) => {
    const filterKey = Array.isArray(raw) ? `${key}[${index}]` : key;
    if (!isPlainObject(filter) || Object.keys(filter).length === 0) {
      problems.push(
        `${filterKey} must be a mapping of entity fields to values, e.g. { kind: component, spec.type: service }, got ${describe(
          filter,
        )}`,
      );
      return;
    }
    const read: Record<string, string | string[]> = {};
    for (const [field, value] of Object.entries(filter)) {
      const values = Array.isArray(value) ? value : [value];
      if (
        values.length === 0 ||
        values.some(v => typeof v !== 'string' || v.trim() === '')
      ) {
        problems.push(
          `${filterKey}.${field} must be a non-empty string or a list of them, got ${describe(
            value,
          )}`,
        );
        continue;
      }
      read[field] = Array.isArray(value)
        ? (value as string[]).map(v => v.trim())
        : (value as string).trim();
    }
    result.push(read);
  });
  return result;
}

function readRetentionDays(raw: unknown, problems: string[]): number {
  const key = `${SCORECARDS_KEY}.history`;
  if (raw === undefined || raw === null) {
    return DEFAULT_HISTORY_RETENTION_DAYS;
  }
  if (!isPlainObject(raw)) {
    problems.push(
      `${key} must be a mapping, e.g. { retentionDays: 90 }, got ${describe(
        raw,
      )}`,
    );
    return DEFAULT_HISTORY_RETENTION_DAYS;
  }
  unknownKeys(key, raw, HISTORY_KEYS, problems);
  const value = raw.retentionDays;
  if (value === undefined) {
    return DEFAULT_HISTORY_RETENTION_DAYS;
  }
  // Values substituted from environment variables arrive as strings.
  const days =
    typeof value === 'string' && /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    problems.push(
      `${key}.retentionDays must be a whole number of days, at least 1, got ${describe(
        value,
      )}`,
    );
    return DEFAULT_HISTORY_RETENTION_DAYS;
  }
  return days;
}

function readSchedule(
  config: Config,
  raw: unknown,
  problems: string[],
): ConfiguredTaskSchedule {
  const key = `${SCORECARDS_KEY}.schedule`;
  const defaults = {
    frequency: DEFAULT_SCORECARD_REFRESH_FREQUENCY,
    timeout: DEFAULT_SCORECARD_REFRESH_TIMEOUT,
  };
  if (raw !== undefined && !isPlainObject(raw)) {
    problems.push(
      `${key} must be a mapping, e.g. { frequency: { hours: 1 } }, got ${describe(
        raw,
      )}`,
    );
    return defaults;
  }
  if (raw) {
    unknownKeys(key, raw, SCHEDULE_KEYS, problems);
  }
  try {
    return readTaskSchedule(config, key, defaults);
  } catch (error) {
    problems.push((error as Error).message);
    return defaults;
  }
}

/**
 * Reads and checks `innersource.scorecards`, with the checks that exist (the
 * defaults, then those extensions added). Throws a `ScorecardConfigError`
 * naming every bad key, so that the plugin does not start on a configuration
 * it would misread; an extension check whose id is taken or whose weight is
 * not positive throws too.
 */
export function readScorecardSettings(
  config: Config,
  extensions: {
    checks?: readonly ScorecardCheckDefinition[];
    entityFields?: readonly string[];
  } = {},
): ScorecardSettings {
  const definitions = [
    ...DEFAULT_SCORECARD_CHECKS,
    ...(extensions.checks ?? []),
  ];
  const raw = config.getOptional(SCORECARDS_KEY);
  const problems: string[] = [];
  let options: ScorecardOptions | undefined;
  try {
    // An empty mapping rather than nothing, so that the levels of extension
    // checks are checked even when nothing is configured.
    options = resolveScorecardOptions(raw ?? {}, definitions);
  } catch (error) {
    if (!(error instanceof ScorecardConfigError)) {
      throw error;
    }
    problems.push(...error.problems);
  }
  const section = isPlainObject(raw) ? raw : {};
  const entities = readEntities(section.entities, problems);
  const schedule = readSchedule(config, section.schedule, problems);
  const historyRetentionDays = readRetentionDays(section.history, problems);
  if (problems.length > 0 || !options) {
    throw new ScorecardConfigError(problems);
  }
  return {
    options,
    definitions,
    entities,
    entityFields: [
      ...new Set([
        ...SCORECARD_ENTITY_FIELDS,
        ...(extensions.entityFields ?? []),
      ]),
    ],
    schedule,
    historyRetentionDays,
  };
}
