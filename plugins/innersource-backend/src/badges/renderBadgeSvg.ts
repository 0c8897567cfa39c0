/**
 * The colors a badge may have: message backgrounds readable with white text
 * (WCAG AA for the 11px text), plus the label's grey. Nothing else reaches an SVG.
 */
export const BADGE_COLORS = {
  label: '#555555',
  green: '#2e7d32',
  orange: '#b04a00',
  red: '#c62828',
  blue: '#0b63b5',
  grey: '#666666',
  bronze: '#8a5a2b',
  silver: '#5f6b78',
  gold: '#876a12',
} as const;

export type BadgeColor = keyof typeof BADGE_COLORS;

/** What a badge shows: texts are untrusted and cleaned by the renderer. */
export type BadgeText = {
  label: string;
  message: string;
  color: BadgeColor;
};

/** Longer texts are cut to this many characters, the last being "…". */
export const MAX_BADGE_TEXT_LENGTH = 40;

/** Every element and attribute name the renderer writes, for tests to hold it to. */
export const BADGE_SVG_ELEMENTS = [
  'svg',
  'title',
  'linearGradient',
  'stop',
  'clipPath',
  'rect',
  'g',
  'text',
] as const;
export const BADGE_SVG_ATTRIBUTES = [
  'xmlns',
  'width',
  'height',
  'role',
  'aria-label',
  'id',
  'x',
  'x2',
  'y',
  'y2',
  'offset',
  'stop-color',
  'stop-opacity',
  'rx',
  'fill',
  'clip-path',
  'text-anchor',
  'font-family',
  'font-size',
  'fill-opacity',
] as const;

// Approximate advance widths of Verdana at 11px, for printable ASCII from
// U+0020, as shields.io measures them; other characters use a fallback.
const ASCII_WIDTHS = [
  3.87, 4.33, 5.05, 9.0, 7.0, 11.84, 7.99, 2.95, 4.99, 4.99, 7.0, 9.0, 4.0,
  4.99, 4.0, 4.99, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.99, 4.99,
  9.0, 9.0, 9.0, 6.0, 11.0, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27,
  4.63, 5.0, 7.62, 6.12, 9.27, 8.23, 8.66, 6.63, 8.66, 7.65, 7.52, 6.78, 8.05,
  7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.0, 7.0, 7.0, 6.61, 6.85,
  5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.79, 6.51, 3.02, 10.7, 6.96, 6.68,
  6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.99, 6.51, 6.51, 5.78, 6.98, 4.99,
  6.98, 9.0,
];
const ELLIPSIS = '\u2026';
const ELLIPSIS_WIDTH = 11.0;
const OTHER_WIDTH = 7.5;
/** CJK and other full-width scripts are about a square wide. */
const WIDE_WIDTH = 11.0;
const HORIZONTAL_PADDING = 10;

function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f) {
    return ASCII_WIDTHS[code - 0x20];
  }
  if (char === ELLIPSIS) {
    return ELLIPSIS_WIDTH;
  }
  return code >= 0x2e80 ? WIDE_WIDTH : OTHER_WIDTH;
}

/** The approximate width of a cleaned text in pixels. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += charWidth(char);
  }
  return width;
}

// Control characters (C0, DEL, C1), bidi controls that could reorder what a
// reader sees, lone surrogates and the XML non-characters U+FFFE/U+FFFF.
// Removing control characters is the point.
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A text as a badge shows it: unsafe characters removed, white space collapsed,
 * and cut to {@link MAX_BADGE_TEXT_LENGTH} characters (code points, so that no
 * surrogate pair is split).
 */
export function cleanBadgeText(text: string): string {
  const cleaned = text
    .replace(UNSAFE_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length > MAX_BADGE_TEXT_LENGTH) {
    return `${chars
      .slice(0, MAX_BADGE_TEXT_LENGTH - 1)
      .join('')
      .trimEnd()}${ELLIPSIS}`;
  }
  return cleaned;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes a text for XML content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, char => XML_ESCAPES[char]);
}

const fixed = (value: number) => String(Math.round(value * 10) / 10);

/**
 * A flat, shields-like badge: the label on grey to the left, the message on the
 * badge's color to the right. The output depends only on the input, so that it
 * can be cached and tagged by its content.
 */
export function renderBadgeSvg(badge: BadgeText): string {
  const label = cleanBadgeText(badge.label);
  const message = cleanBadgeText(badge.message);
  if (!Object.prototype.hasOwnProperty.call(BADGE_COLORS, badge.color)) {
    throw new TypeError(`Not a badge color: ${String(badge.color)}`);
  }
  const color = BADGE_COLORS[badge.color];
  const labelWidth = Math.round(textWidth(label) + HORIZONTAL_PADDING);
  const messageWidth = Math.round(textWidth(message) + HORIZONTAL_PADDING);
  const width = labelWidth + messageWidth;
  const title = escapeXml(`${label}: ${message}`);
  const labelX = fixed(labelWidth / 2);
  const messageX = fixed(labelWidth + messageWidth / 2);
  const labelText = escapeXml(label);
  const messageText = escapeXml(message);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbbbbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#ffffff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="${BADGE_COLORS.label}"/><rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#ffffff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${labelX}" y="15" fill="#010101" fill-opacity=".3">${labelText}</text><text x="${labelX}" y="14">${labelText}</text>`,
    `<text x="${messageX}" y="15" fill="#010101" fill-opacity=".3">${messageText}</text><text x="${messageX}" y="14">${messageText}</text>`,
    `</g></svg>`,
  ].join('');
}
