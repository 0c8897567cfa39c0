const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `toLocaleLowerCase('en-US')`, as entity refs are compared everywhere, without
 * the locale machinery for plain ASCII: what refs almost always are, and the
 * same result. It shows in profiles of the scoring and the badge route.
 */
export function lowerCase(text: string): string {
  return PRINTABLE_ASCII.test(text)
    ? text.toLowerCase()
    : text.toLocaleLowerCase('en-US');
}
