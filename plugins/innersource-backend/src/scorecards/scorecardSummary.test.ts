import { httpUrlOrUndefined } from './scorecardSummary';

describe('httpUrlOrUndefined', () => {
  it.each([
    'https://github.com/acme/gateway/issues/3',
    'HTTP://ghe.example.com/acme/gateway?tab=issues',
    'https://gitlab.example.com:8443/group/sub/project/-/issues/1#note',
  ])('keeps the http(s) link %s', url => {
    expect(httpUrlOrUndefined(url)).toBe(url);
  });

  it.each([
    // eslint-disable-next-line no-script-url
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example.com/x',
    'ftp://github.com/acme',
    'https://',
    'https:///path-without-host',
    'https://github.com/a b',
    'https://github.com/\u0000x',
    ' https://github.com/leading-space',
    'github.com/acme/gateway',
  ])('drops %j', url => {
    expect(httpUrlOrUndefined(url)).toBeUndefined();
  });

  it('drops what is not text', () => {
    expect(httpUrlOrUndefined(undefined)).toBeUndefined();
    expect(httpUrlOrUndefined(42)).toBeUndefined();
  });
});
