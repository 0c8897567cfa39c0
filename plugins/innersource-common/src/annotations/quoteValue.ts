/** Values longer than this many characters are cut in problem messages. */
export const QUOTED_VALUE_MAX_LENGTH = 80;

import {
  characterClass,
  CONTROL_CHARACTERS,
  INVISIBLE_CHARACTERS,
} from './unsafeCharacters';

// Characters that must never reach a message as themselves: a line break could
// forge a second log line, a bidi override could show text in another order.
const UNSAFE_CHARACTER = characterClass(
  'gu',
  CONTROL_CHARACTERS,
  INVISIBLE_CHARACTERS,
);

const NAMED_ESCAPES: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Escapes the characters of untrusted text that could break or disguise a
 * one-line, plain-text message (line breaks, control and bidi characters).
 *
 * @public
 */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(
    UNSAFE_CHARACTER,
    ch =>
      NAMED_ESCAPES[ch] ??
      `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Quotes an annotation value for a problem message: double quotes, long values
 * cut to {@link QUOTED_VALUE_MAX_LENGTH} characters, unsafe characters escaped.
 * The result is plain text that always fits on one line.
 *
 * @public
 */
export function quoteValue(value: string): string {
  // Cut by code points so that a surrogate pair is never split in half.
  const codePoints = Array.from(value);
  const cut = codePoints.length > QUOTED_VALUE_MAX_LENGTH;
  const shown = cut
    ? codePoints.slice(0, QUOTED_VALUE_MAX_LENGTH).join('')
    : value;
  const escaped = escapeUnsafeCharacters(
    shown.replace(/\\/g, '\\\\').replace(/"/g, '\\"'),
  );
  return `"${escaped}${cut ? '…' : ''}"`;
}
