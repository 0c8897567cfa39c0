/**
 * Small readers shared by the features that check their part of
 * `app-config.yaml` at start-up and collect every problem, one line each,
 * naming the key and the fix.
 */

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds a problem for every key of `value` that is not in `known`. */
export function unknownKeys(
  key: string,
  value: Record<string, unknown>,
  known: readonly string[],
  problems: string[],
) {
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) {
      problems.push(
        `${key}.${name} is not a known option; use one of: ${known.join(', ')}`,
      );
    }
  }
}
