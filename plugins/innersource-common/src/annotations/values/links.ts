import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { InnerSourceChat, InnerSourceLink } from '../types';
import {
  characterClass,
  CONTROL_CHARACTERS,
  INVISIBLE_CHARACTERS,
} from '../unsafeCharacters';

// A URI scheme as RFC 3986 defines it, e.g. "https:", "javascript:", "C:".
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Whitespace, controls, bidi and zero-width characters: never part of a link we hand out.
const NOT_IN_URL = characterClass(
  'u',
  '\\s',
  CONTROL_CHARACTERS,
  INVISIBLE_CHARACTERS,
);
// A repo-relative path may hold anything printable (spaces too) except backslashes.
const NOT_IN_PATH = characterClass(
  'u',
  '\\\\',
  CONTROL_CHARACTERS,
  INVISIBLE_CHARACTERS,
);
// A chat channel: "#" and up to 80 letters, digits, "-", "_" or ".".
const CHANNEL = /^#[\p{L}\p{N}][\p{L}\p{N}_.-]{0,79}$/u;

/**
 * The result of reading a value that should be an http(s) URL. An `invalid`
 * reading carries a fix only when it is more specific than the caller's own
 * (which also names the other forms the annotation accepts).
 */
type UrlReading =
  | { kind: 'url'; url: string }
  | { kind: 'not-a-url' }
  | { kind: 'invalid'; message: string; fix?: string };

/**
 * Reads an absolute http(s) URL. Returns `not-a-url` when the value has no scheme
 * at all (so callers can try other forms) and `invalid` with the reason otherwise.
 * The URL handed out is the parsed, normalised form, so its scheme is certain.
 */
export function readHttpUrl(value: string): UrlReading {
  const text = value.trim();
  if (text.startsWith('//')) {
    return {
      kind: 'invalid',
      message: `${quoteValue(value)} is a protocol-relative URL`,
      fix: `write the scheme, e.g. ${quoteValue(`https:${text}`)}`,
    };
  }
  const scheme = SCHEME.exec(text)?.[1].toLocaleLowerCase('en-US');
  if (scheme === undefined) {
    return { kind: 'not-a-url' };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return {
      kind: 'invalid',
      message: `${quoteValue(value)} uses the ${quoteValue(
        `${scheme}:`,
      )} scheme, but only http and https links are allowed`,
    };
  }
  if (NOT_IN_URL.test(text)) {
    return {
      kind: 'invalid',
      message: `${quoteValue(
        value,
      )} contains spaces or invisible characters, which a URL cannot have`,
      fix: 'remove them, and encode spaces in a path as %20',
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return {
      kind: 'invalid',
      message: `${quoteValue(value)} is not a valid URL`,
    };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      kind: 'invalid',
      message: `${quoteValue(value)} is not an http(s) URL`,
    };
  }
  if (!parsed.hostname) {
    return {
      kind: 'invalid',
      message: `${quoteValue(value)} has no host name`,
    };
  }
  if (parsed.username || parsed.password) {
    // "https://trusted.example@evil.example" shows one host and goes to the other.
    return {
      kind: 'invalid',
      message: `${quoteValue(value)} contains a user name or password`,
      fix: 'remove the part up to and including "@" after the "//"',
    };
  }
  return { kind: 'url', url: parsed.href };
}

/**
 * Normalises a path inside the repository ("docs/./guide/../CONTRIBUTING.md" →
 * "docs/CONTRIBUTING.md"), or returns undefined if it climbs out of the repository.
 */
function normalizeRepoPath(path: string): string | undefined {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      if (segments.length === 0) {
        return undefined;
      }
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments.join('/');
}

/**
 * Reads `innersource/contributing`: an absolute http(s) URL or a path relative to
 * the root of the entity's repository. Nothing else ever becomes a link.
 */
export function readContributingLink(
  value: string,
  report: ProblemReporter,
): InnerSourceLink | undefined {
  const fix =
    'use an https:// URL or a path inside the repository, e.g. "CONTRIBUTING.md" or "docs/contributing.md"';
  const url = readHttpUrl(value);
  if (url.kind === 'url') {
    return { type: 'url', url: url.url };
  }
  if (url.kind === 'invalid') {
    report.error(url.message, url.fix ?? fix);
    return undefined;
  }
  const text = value.trim();
  if (text.startsWith('/')) {
    const relative = text.replace(/^\/+/, '');
    report.error(
      `${quoteValue(value)} is an absolute path`,
      relative
        ? `give the path relative to the repository root, e.g. ${quoteValue(
            relative,
          )}`
        : fix,
    );
    return undefined;
  }
  if (NOT_IN_PATH.test(text)) {
    report.error(
      `${quoteValue(
        value,
      )} contains backslashes or invisible characters, which a repository path cannot have`,
      'use forward slashes, e.g. "docs/contributing.md"',
    );
    return undefined;
  }
  const path = normalizeRepoPath(text);
  if (path === undefined) {
    report.error(
      `${quoteValue(value)} points outside the repository`,
      `${fix}, without ".." climbing above the repository root`,
    );
    return undefined;
  }
  if (path === '') {
    report.error(`${quoteValue(value)} does not name a file`, fix);
    return undefined;
  }
  return { type: 'repo-path', path: text.endsWith('/') ? `${path}/` : path };
}

/**
 * Reads `innersource/chat`: an http(s) URL or a channel name such as
 * `#payments-dev` (letters, digits, "-", "_" and "." after the "#").
 */
export function readChat(
  value: string,
  report: ProblemReporter,
): InnerSourceChat | undefined {
  const fix = 'use a channel name such as "#payments-dev" or an https:// URL';
  const url = readHttpUrl(value);
  if (url.kind === 'url') {
    return { type: 'url', url: url.url };
  }
  if (url.kind === 'invalid') {
    report.error(url.message, url.fix ?? fix);
    return undefined;
  }
  const text = value.trim();
  if (CHANNEL.test(text)) {
    return { type: 'channel', name: text };
  }
  if (CHANNEL.test(`#${text}`)) {
    report.error(
      `${quoteValue(value)} is missing the "#" of a channel name`,
      `use "#${text}" (quoted, as YAML reads # as a comment) or an https:// URL`,
    );
    return undefined;
  }
  report.error(`${quoteValue(value)} is not a channel name or URL`, fix);
  return undefined;
}
