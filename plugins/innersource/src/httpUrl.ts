/**
 * Returns the value as an absolute URL when it is http(s), else undefined. Every href
 * this plugin renders passes through here, so annotation text can never become a
 * `javascript:` or `data:` link even if a caller hands over something unchecked.
 */
export function asHttpUrl(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.toString()
      : undefined;
  } catch {
    return undefined;
  }
}
