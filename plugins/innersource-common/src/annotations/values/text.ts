import { characterClass, CONTROL_CHARACTERS } from '../unsafeCharacters';

// Tabs and line breaks are control characters too, but whitespace is collapsed
// first, so by then only the others are left to drop.
const CONTROL = characterClass('g', CONTROL_CHARACTERS);

/**
 * Makes one line of display text from an annotation fragment: control
 * characters dropped, runs of whitespace (tabs included) collapsed, trimmed.
 * Bidi characters stay, as right-to-left scripts need them; the text is always
 * rendered as plain text, never as HTML.
 */
export function toDisplayText(fragment: string): string {
  return fragment.replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}

/** Cuts text to `max` characters (by code point), ending with "…" when cut. */
export function truncateText(text: string, max: number): string {
  const codePoints = Array.from(text);
  return codePoints.length > max
    ? `${codePoints.slice(0, max - 1).join('')}…`
    : text;
}

/**
 * Splits a list written with commas and/or one item per line (a YAML `|`
 * block): items trimmed, empty items dropped.
 */
export function splitList(value: string): string[] {
  return value
    .split(/,|\r\n|[\n\r\u2028\u2029]/)
    .map(toDisplayText)
    .filter(item => item.length > 0);
}
