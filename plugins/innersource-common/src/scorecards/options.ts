import { closestMatch } from '../annotations/closestMatch';
import { quoteValue } from '../annotations/quoteValue';
import { DEFAULT_SCORECARD_CHECKS } from './checks';
import { DEFAULT_SCORECARD_LEVELS } from './levels';
import {
  ScorecardCheckDefinition,
  ScorecardCheckOptions,
  ScorecardLevel,
  ScorecardOptions,
  ScorecardThresholds,
} from './types';

/** Where the options live in `app-config.yaml`; every message names keys from here. */
export const SCORECARD_CONFIG_KEY = 'innersource.scorecards';

/** @public */
export const DEFAULT_SCORECARD_THRESHOLDS: Readonly<ScorecardThresholds> = {
  descriptionMinLength: 30,
  activityDays: 90,
  outsideContributionDays: 180,
  defaultResponseTimeHours: 72,
};

/** The options when `innersource.scorecards` is not configured. @public */
export const DEFAULT_SCORECARD_OPTIONS: Readonly<ScorecardOptions> = {
  thresholds: DEFAULT_SCORECARD_THRESHOLDS,
};

/**
 * Thrown by {@link resolveScorecardOptions}. The message names every bad key
 * and its fix, one per line; `problems` holds the same lines.
 *
 * @public
 */
export class ScorecardConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} problems in ${SCORECARD_CONFIG_KEY}:\n${problems
            .map(p => `- ${p}`)
            .join('\n')}`,
    );
    this.name = 'ScorecardConfigError';
    this.problems = problems;
  }
}

const TOP_LEVEL_KEYS = ['checks', 'levels', 'thresholds'];
/**
 * Keys of `innersource.scorecards` that the backend plugin reads itself
 * (what is scored, when, and how long history is kept): known here only so
 * that their typos are caught too.
 */
const BACKEND_KEYS = ['entities', 'schedule', 'history'];
const KNOWN_KEYS = [...TOP_LEVEL_KEYS, ...BACKEND_KEYS];
const CHECK_OPTION_KEYS = ['enabled', 'weight', 'level', 'docsUrl', 'optional'];
const LEVEL_KEYS = ['id', 'title', 'description', 'rank'];
const THRESHOLD_KEYS = Object.keys(DEFAULT_SCORECARD_THRESHOLDS);
const LEVEL_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/i;
// Config values substituted from environment variables arrive as strings.
const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"heavy"`, `-1`, `a list`: how a bad value is shown in a message. */
function describe(value: unknown): string {
  if (typeof value === 'string') {
    return quoteValue(value);
  }
  if (value === null || value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return String(value);
}

function oneOf(candidates: readonly string[]): string {
  return candidates.join(', ');
}

/** Collects problems as `<key> <what is wrong>` lines. */
class Problems {
  readonly lines: string[] = [];

  add(key: string, message: string) {
    this.lines.push(`${key} ${message}`);
  }

  unknownKey(parent: string, key: string, known: readonly string[]) {
    const suggestion = closestMatch(key, known);
    this.add(
      `${parent}.${key}`,
      suggestion
        ? `is not a known option; did you mean ${parent}.${suggestion}?`
        : `is not a known option; use one of: ${oneOf(known)}`,
    );
  }

  mapping(key: string, value: unknown, example: string): boolean {
    if (isPlainObject(value)) {
      return true;
    }
    this.add(key, `must be a mapping, e.g. ${example}, got ${describe(value)}`);
    return false;
  }
}

function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) {
    return Number(value);
  }
  return undefined;
}

function readPositiveNumber(
  key: string,
  value: unknown,
  problems: Problems,
  wholeNumber = false,
): number | undefined {
  const number = readNumber(value);
  if (
    number === undefined ||
    number <= 0 ||
    (wholeNumber && !Number.isInteger(number))
  ) {
    problems.add(
      key,
      `must be a positive ${
        wholeNumber ? 'whole number' : 'number'
      }, got ${describe(value)}`,
    );
    return undefined;
  }
  return number;
}

function readBoolean(
  key: string,
  value: unknown,
  problems: Problems,
): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  problems.add(key, `must be true or false, got ${describe(value)}`);
  return undefined;
}

function readText(
  key: string,
  value: unknown,
  problems: Problems,
): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') {
    return value.trim();
  }
  problems.add(key, `must be a non-empty string, got ${describe(value)}`);
  return undefined;
}

function readHttpUrl(
  key: string,
  value: unknown,
  problems: Problems,
): string | undefined {
  if (typeof value === 'string') {
    try {
      const url = new URL(value.trim());
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        return url.toString();
      }
    } catch {
      // reported below
    }
  }
  problems.add(
    key,
    `must be an http(s) URL, e.g. "https://docs.example.com/innersource", got ${describe(
      value,
    )}`,
  );
  return undefined;
}

function readCheckOptions(
  raw: unknown,
  definitions: readonly ScorecardCheckDefinition[],
  problems: Problems,
): Record<string, ScorecardCheckOptions> | undefined {
  const key = `${SCORECARD_CONFIG_KEY}.checks`;
  if (!problems.mapping(key, raw, '{ readme: { weight: 5 } }')) {
    return undefined;
  }
  const ids = definitions.map(d => d.id);
  const checks: Record<string, ScorecardCheckOptions> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const checkKey = `${key}.${id}`;
    if (!ids.includes(id)) {
      const suggestion = closestMatch(id, ids);
      problems.add(
        checkKey,
        suggestion
          ? `is not a scorecard check; did you mean ${key}.${suggestion}?`
          : `is not a scorecard check; use one of: ${oneOf(ids)}`,
      );
      continue;
    }
    if (!problems.mapping(checkKey, value, '{ enabled: false }')) {
      continue;
    }
    const options: ScorecardCheckOptions = {};
    for (const [option, optionValue] of Object.entries(
      value as Record<string, unknown>,
    )) {
      const optionKey = `${checkKey}.${option}`;
      switch (option) {
        case 'enabled':
          options.enabled = readBoolean(optionKey, optionValue, problems);
          break;
        case 'weight':
          options.weight = readPositiveNumber(optionKey, optionValue, problems);
          break;
        case 'level':
          options.level = readText(optionKey, optionValue, problems);
          break;
        case 'docsUrl':
          options.docsUrl = readHttpUrl(optionKey, optionValue, problems);
          break;
        case 'optional':
          options.optional = readBoolean(optionKey, optionValue, problems);
          break;
        default:
          problems.unknownKey(checkKey, option, CHECK_OPTION_KEYS);
      }
    }
    checks[id] = Object.fromEntries(
      Object.entries(options).filter(([, v]) => v !== undefined),
    );
  }
  return checks;
}

function readLevels(
  raw: unknown,
  problems: Problems,
): ScorecardLevel[] | undefined {
  const key = `${SCORECARD_CONFIG_KEY}.levels`;
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(
      key,
      `must be a non-empty list of levels, e.g. [{ id: bronze, title: Bronze }], got ${describe(
        raw,
      )}`,
    );
    return undefined;
  }
  const levels: ScorecardLevel[] = [];
  raw.forEach((item: unknown, index: number) => {
    const itemKey = `${key}[${index}]`;
    if (!problems.mapping(itemKey, item, '{ id: bronze, title: Bronze }')) {
      return;
    }
    const level = item as Record<string, unknown>;
    for (const field of Object.keys(level)) {
      if (!LEVEL_KEYS.includes(field)) {
        problems.unknownKey(itemKey, field, LEVEL_KEYS);
      }
    }
    const id = readText(`${itemKey}.id`, level.id, problems);
    if (id !== undefined && !LEVEL_ID.test(id)) {
      problems.add(
        `${itemKey}.id`,
        `must be letters, digits, "-" or "_" (at most 40), e.g. "bronze", got ${describe(
          id,
        )}`,
      );
    } else if (id !== undefined && levels.some(l => l.id === id)) {
      problems.add(`${itemKey}.id`, `repeats the level id ${describe(id)}`);
    }
    const title = readText(`${itemKey}.title`, level.title, problems);
    const description =
      level.description === undefined
        ? ''
        : readText(`${itemKey}.description`, level.description, problems);
    const rank =
      level.rank === undefined
        ? index + 1
        : readPositiveNumber(`${itemKey}.rank`, level.rank, problems, true);
    if (rank !== undefined && levels.some(l => l.rank === rank)) {
      problems.add(
        `${itemKey}.rank`,
        `repeats the rank ${rank}; give every level its own rank`,
      );
    }
    if (id && title && description !== undefined && rank !== undefined) {
      levels.push({ id, title, description, rank });
    }
  });
  return levels;
}

function readThresholds(raw: unknown, problems: Problems): ScorecardThresholds {
  const thresholds = { ...DEFAULT_SCORECARD_THRESHOLDS };
  const key = `${SCORECARD_CONFIG_KEY}.thresholds`;
  if (raw === undefined || raw === null) {
    return thresholds;
  }
  if (!problems.mapping(key, raw, '{ activityDays: 90 }')) {
    return thresholds;
  }
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!THRESHOLD_KEYS.includes(name)) {
      problems.unknownKey(key, name, THRESHOLD_KEYS);
      continue;
    }
    const wholeNumber = name !== 'defaultResponseTimeHours';
    const number = readPositiveNumber(
      `${key}.${name}`,
      value,
      problems,
      wholeNumber,
    );
    if (number !== undefined) {
      thresholds[name as keyof ScorecardThresholds] = number;
    }
  }
  return thresholds;
}

/** Every enabled check must belong to a level that exists. */
function checkLevels(
  checks: Record<string, ScorecardCheckOptions>,
  levels: readonly ScorecardLevel[],
  definitions: readonly ScorecardCheckDefinition[],
  problems: Problems,
) {
  const levelIds = levels.map(l => l.id);
  const orphansByLevel = new Map<string, string[]>();
  for (const definition of definitions) {
    const options = checks[definition.id] ?? {};
    if (options.enabled === false) {
      continue;
    }
    if (options.level !== undefined) {
      if (!levelIds.includes(options.level)) {
        const suggestion = closestMatch(options.level, levelIds);
        problems.add(
          `${SCORECARD_CONFIG_KEY}.checks.${definition.id}.level`,
          `${describe(options.level)} is not a level; ${
            suggestion
              ? `did you mean "${suggestion}"?`
              : `use one of: ${oneOf(levelIds)}`
          }`,
        );
      }
    } else if (!levelIds.includes(definition.level)) {
      orphansByLevel.set(definition.level, [
        ...(orphansByLevel.get(definition.level) ?? []),
        definition.id,
      ]);
    }
  }
  for (const [level, ids] of orphansByLevel) {
    problems.add(
      `${SCORECARD_CONFIG_KEY}.levels`,
      `has no level ${describe(level)}, which the checks ${oneOf(
        ids,
      )} belong to; add that level, or set ${SCORECARD_CONFIG_KEY}.checks.<id>.level of each of them to one of: ${oneOf(
        levelIds,
      )} (or disable them with enabled: false)`,
    );
  }
}

function checkDefinitions(definitions: readonly ScorecardCheckDefinition[]) {
  const seen = new Set<string>();
  for (const { id, weight } of definitions) {
    if (seen.has(id)) {
      throw new Error(`Two scorecard checks have the id "${id}"`);
    }
    if (!(weight > 0)) {
      throw new Error(`The scorecard check "${id}" has no positive weight`);
    }
    seen.add(id);
  }
}

/**
 * Reads and validates the scorecard configuration: the plain JSON of
 * `innersource.scorecards` in `app-config.yaml` (undefined when not
 * configured). Fills in the default thresholds; checks and levels not
 * configured keep their defaults.
 *
 * Throws a {@link ScorecardConfigError} that names every bad key and the fix,
 * e.g. `innersource.scorecards.checks.readme.weight must be a positive number,
 * got "heavy"`. Keys other than `checks`, `levels` and `thresholds` are left to
 * other readers of `innersource.scorecards` (the backend reads `entities`,
 * `schedule` and `history`), unless they look like a typo of one of these
 * six.
 *
 * @param definitions - the checks that exist: the defaults, plus any from
 *   extensions.
 * @public
 */
export function resolveScorecardOptions(
  raw: unknown,
  definitions: readonly ScorecardCheckDefinition[] = DEFAULT_SCORECARD_CHECKS,
): ScorecardOptions {
  checkDefinitions(definitions);
  if (raw === undefined || raw === null) {
    return { thresholds: { ...DEFAULT_SCORECARD_THRESHOLDS } };
  }
  const problems = new Problems();
  if (!problems.mapping(SCORECARD_CONFIG_KEY, raw, '{ checks: { … } }')) {
    throw new ScorecardConfigError(problems.lines);
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (
      !KNOWN_KEYS.includes(key) &&
      closestMatch(key, KNOWN_KEYS) !== undefined
    ) {
      problems.unknownKey(SCORECARD_CONFIG_KEY, key, KNOWN_KEYS);
    }
  }
  const checks =
    config.checks === undefined
      ? undefined
      : readCheckOptions(config.checks, definitions, problems);
  const levels =
    config.levels === undefined
      ? undefined
      : readLevels(config.levels, problems);
  const thresholds = readThresholds(config.thresholds, problems);
  if (problems.lines.length === 0) {
    checkLevels(
      checks ?? {},
      levels ?? DEFAULT_SCORECARD_LEVELS,
      definitions,
      problems,
    );
  }
  if (problems.lines.length > 0) {
    throw new ScorecardConfigError(problems.lines);
  }
  return {
    ...(checks ? { checks } : {}),
    ...(levels ? { levels } : {}),
    thresholds,
  };
}

/**
 * The checks as configured: the enabled ones, with the configured weight,
 * level and docs link. What the scorecard evaluates and what `GET /checks`
 * lists.
 *
 * @public
 */
export function configuredScorecardChecks(
  options: ScorecardOptions = DEFAULT_SCORECARD_OPTIONS,
  definitions: readonly ScorecardCheckDefinition[] = DEFAULT_SCORECARD_CHECKS,
): ScorecardCheckDefinition[] {
  return definitions
    .filter(definition => options.checks?.[definition.id]?.enabled !== false)
    .map(definition => {
      const { weight, level, docsUrl, optional } =
        options.checks?.[definition.id] ?? {};
      return {
        ...definition,
        ...(weight !== undefined ? { weight } : {}),
        ...(level !== undefined ? { level } : {}),
        ...(docsUrl !== undefined ? { docsUrl } : {}),
        ...(optional ? { optional: true } : {}),
      };
    });
}

/** The levels as configured, lowest rank first. @public */
export function configuredScorecardLevels(
  options: ScorecardOptions = DEFAULT_SCORECARD_OPTIONS,
): ScorecardLevel[] {
  return [...(options.levels ?? DEFAULT_SCORECARD_LEVELS)].sort(
    (a, b) => a.rank - b.rank,
  );
}

/**
 * The options with every check that needs the catalog or the code host made
 * `optional`: what a file alone can earn, for the lint's annotation-only
 * preview. The backend never scores with these; there, a missing fact keeps
 * the entity below the level.
 *
 * @public
 */
export function annotationOnlyScorecardOptions(
  options: ScorecardOptions = DEFAULT_SCORECARD_OPTIONS,
  definitions: readonly ScorecardCheckDefinition[] = DEFAULT_SCORECARD_CHECKS,
): ScorecardOptions {
  const checks = { ...options.checks };
  for (const definition of definitions) {
    if (definition.needs !== 'annotations') {
      checks[definition.id] = { ...checks[definition.id], optional: true };
    }
  }
  return { ...options, checks };
}
