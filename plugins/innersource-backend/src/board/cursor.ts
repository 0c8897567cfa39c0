import { createHash } from 'node:crypto';
import { searchWords } from './TextIndex';
import { BoardQuery } from './types';

/**
 * Where an item stands in the board's order; the last part is always the entity
 * ref, so that no two items share a key.
 */
export type SortKey = Array<number | string>;

/**
 * True when the query's order depends on its relevance to a free text:
 * `relevance` and `most-issues` (whose ties go by relevance) with words to
 * look for.
 */
export function sortsByScore(query: BoardQuery): boolean {
  return (
    (query.sort === 'relevance' || query.sort === 'most-issues') &&
    searchWords(query.text).length > 0
  );
}

/**
 * The parts of a key: the sort's numbers (open issues with `most-issues`,
 * the relevance with free text, current asks or a time), then title and ref.
 */
function keyShape(query: BoardQuery): Array<'number' | 'string'> {
  const numbers =
    1 + (sortsByScore(query) ? 1 : 0) + (query.sort === 'most-issues' ? 1 : 0);
  return [
    ...Array.from({ length: numbers }, () => 'number' as const),
    'string',
    'string',
  ];
}

function fingerprint(query: BoardQuery): string {
  const lists = [
    query.skills,
    query.contributionTypes,
    query.ownerRefs,
    query.systemRefs,
    query.domainRefs,
    query.tags,
  ].map(list =>
    [...new Set(list.map(v => v.toLocaleLowerCase('en-US')))].sort(),
  );
  return createHash('sha256')
    .update(
      JSON.stringify([
        searchWords(query.text).join(' '),
        query.sort,
        lists,
        // Only when set, so that cursors without it keep their meaning.
        ...(query.hasIssues ? [true] : []),
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
}

/**
 * An opaque cursor: the key of the last item of a page, tied to the query, so
 * that it is not used with other filters or another sort.
 */
export function encodeCursor(query: BoardQuery, key: SortKey): string {
  return Buffer.from(
    JSON.stringify({ q: fingerprint(query), k: key }),
    'utf8',
  ).toString('base64url');
}

/**
 * The key in a cursor, or undefined when the cursor is malformed or belongs to
 * another query.
 */
export function decodeCursor(
  cursor: string,
  query: BoardQuery,
): SortKey | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return undefined;
  }
  const { q, k } = parsed as { q?: unknown; k?: unknown };
  const shape = keyShape(query);
  if (
    q !== fingerprint(query) ||
    !Array.isArray(k) ||
    k.length !== shape.length ||
    k.some(
      (part, i) =>
        typeof part !== shape[i] ||
        (typeof part === 'number' && !Number.isFinite(part)),
    )
  ) {
    return undefined;
  }
  return k;
}

/** Orders keys part by part: numbers by value, strings by code point. */
export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
  }
  return 0;
}
