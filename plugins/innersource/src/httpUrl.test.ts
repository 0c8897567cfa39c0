/* eslint-disable no-script-url -- script URLs are the hostile input under test */
import { asHttpUrl } from './httpUrl';

describe('asHttpUrl', () => {
  it.each(['https://example.com/a', 'http://example.com/'])('keeps %s', url => {
    expect(asHttpUrl(url)).toBe(url);
  });

  it.each([
    undefined,
    '',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//example.com/x',
    'CONTRIBUTING.md',
    '#payments-dev',
  ])('drops %p', value => {
    expect(asHttpUrl(value)).toBeUndefined();
  });
});
