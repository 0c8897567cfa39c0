// The characters that annotation text must not smuggle into links, messages or
// logs. Kept as regular-expression source in one place so that the quoting, the
// link checks and the ask text agree (and so that the patterns are built from
// strings, as the linter rightly frowns on control characters in regex literals).

/** C0 and C1 control characters, DEL included. */
export const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f';

/**
 * Characters that change how text displays without showing themselves: zero-width
 * characters, the line and paragraph separators, bidi embeddings, overrides and
 * isolates, invisible operators, the byte-order mark and interlinear annotations.
 */
export const INVISIBLE_CHARACTERS =
  '\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb';

/** A regular expression that matches any one of the given character-class parts. */
export function characterClass(flags: string, ...parts: string[]): RegExp {
  return new RegExp(`[${parts.join('')}]`, flags);
}
