import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { InnerSourceLicense } from '../types';
import { readHttpUrl } from './links';

// An SPDX license id or LicenseRef: letters, digits, ".", "-" and "+".
const SPDX_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]{0,99}$/;

/**
 * Reads `innersource/license`: `internal`, an SPDX license id such as
 * `Apache-2.0`, or an http(s) URL of the license text. SPDX expressions
 * ("MIT OR Apache-2.0") are not accepted: the value names one license.
 */
export function readLicense(
  value: string,
  report: ProblemReporter,
): InnerSourceLicense | undefined {
  const fix =
    'use "internal", an SPDX id such as "Apache-2.0", or an https:// URL of the license text';
  const text = value.trim();
  if (text.toLocaleLowerCase('en-US') === 'internal') {
    return { type: 'internal' };
  }
  const url = readHttpUrl(text);
  if (url.kind === 'url') {
    return { type: 'url', url: url.url };
  }
  if (url.kind === 'invalid') {
    report.error(url.message, url.fix ?? fix);
    return undefined;
  }
  if (SPDX_ID.test(text)) {
    return { type: 'spdx', id: text };
  }
  report.error(`${quoteValue(value)} is not a license id or URL`, fix);
  return undefined;
}
