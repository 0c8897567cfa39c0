/** Inputs longer than this are never compared; nobody mistypes a key that badly. */
const MAX_COMPARED_LENGTH = 64;

/**
 * The edit distance between two strings, counting insertions, deletions,
 * substitutions and swaps of neighbouring characters (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // d[i][j]: the distance between the first i characters of a and the first j of b.
  const d: number[][] = Array.from({ length: rows }, () =>
    new Array<number>(cols).fill(0),
  );
  for (let i = 0; i < rows; i++) {
    d[i][0] = i;
  }
  for (let j = 0; j < cols; j++) {
    d[0][j] = j;
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The candidate closest to `input` (case-insensitive), when it is close enough to
 * be a plausible typo: at most 2 edits (fewer for very short inputs), or a third
 * of the input's length for longer inputs. Used for "did you mean …?" hints.
 */
export function closestMatch(
  input: string,
  candidates: readonly string[],
): string | undefined {
  const needle = input.toLocaleLowerCase('en-US');
  if (needle.length === 0 || needle.length > MAX_COMPARED_LENGTH) {
    return undefined;
  }
  // Short inputs get fewer edits, or "ok" would suggest "ops".
  const allowed = Math.min(
    Math.max(2, Math.floor(needle.length / 3)),
    needle.length - 1,
  );
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLocaleLowerCase('en-US'));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}
