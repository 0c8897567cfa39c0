import { CodeHostReadRequest } from '../codeHost';
import { earliestResponseAt, httpUrlOr, sameReadScope } from './responses';

describe('earliestResponseAt', () => {
  it('answers the earliest response by someone else who is not a bot, whatever the order', () => {
    expect(
      earliestResponseAt('Jane', [
        { at: '2026-03-02T10:00:00Z', login: 'omar', isBot: false },
        { at: '2026-03-01T09:00:00Z', login: 'jane', isBot: false },
        { at: '2026-03-01T08:00:00Z', login: 'renovate[bot]', isBot: true },
        undefined,
        { at: '2026-03-01T07:00:00Z', isBot: false },
        { at: '2026-03-01T12:00:00Z', login: 'li', isBot: false },
      ]),
    ).toBe('2026-03-01T12:00:00Z');
  });

  it('answers undefined when only the author and bots answered', () => {
    expect(
      earliestResponseAt('jane', [
        { at: '2026-03-01T09:00:00Z', login: 'JANE', isBot: false },
        { at: '2026-03-01T08:00:00Z', login: 'ci-bot', isBot: true },
      ]),
    ).toBeUndefined();
  });
});

describe('httpUrlOr', () => {
  it('keeps http(s) addresses and falls back for any other scheme or no address', () => {
    expect(httpUrlOr('https://github.com/acme/a/issues/1', 'fb')).toBe(
      'https://github.com/acme/a/issues/1',
    );
    expect(httpUrlOr('http://gitlab.local/a/-/issues/1', 'fb')).toBe(
      'http://gitlab.local/a/-/issues/1',
    );
    expect(httpUrlOr('data:text/html,<b>hi</b>', 'fb')).toBe('fb');
    expect(httpUrlOr('not a url', 'fb')).toBe('fb');
    expect(httpUrlOr(undefined, 'fb')).toBe('fb');
  });
});

describe('sameReadScope', () => {
  const request = (
    previous?: CodeHostReadRequest['previous'],
  ): CodeHostReadRequest => ({
    key: 'github|github.com|acme/a',
    repository: {
      provider: 'github',
      host: 'github.com',
      slug: 'acme/a',
      url: 'https://github.com/acme/a',
    },
    issueLabels: ['good first issue', 'Help Wanted'],
    windowDays: 90,
    previous,
  });
  const readAt = '2026-03-01T00:00:00Z';

  it('holds for the same window and labels in any order and case', () => {
    expect(
      sameReadScope(
        request({
          readAt,
          issueLabels: ['help wanted', 'Good First Issue'],
          windowDays: 90,
        }),
      ),
    ).toBe(true);
  });

  it('fails without a last read, for another window or other labels', () => {
    expect(sameReadScope(request())).toBe(false);
    expect(
      sameReadScope(
        request({
          readAt,
          issueLabels: ['good first issue', 'help wanted'],
          windowDays: 30,
        }),
      ),
    ).toBe(false);
    expect(
      sameReadScope(
        request({ readAt, issueLabels: ['good first issue'], windowDays: 90 }),
      ),
    ).toBe(false);
  });
});
