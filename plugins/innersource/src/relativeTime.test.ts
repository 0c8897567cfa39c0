import { isLater, localTime, timeAgo } from './relativeTime';

const now = new Date('2026-05-10T12:00:00.000Z');

describe('timeAgo', () => {
  it.each([
    ['2026-05-10T11:59:30.000Z', 'just now'],
    ['2026-05-10T11:59:00.000Z', '1 minute ago'],
    ['2026-05-10T09:00:00.000Z', '3 hours ago'],
    ['2026-05-09T12:00:00.000Z', '1 day ago'],
    ['2026-05-01T12:00:00.000Z', '9 days ago'],
    ['2026-04-11T12:00:00.000Z', '29 days ago'],
    ['2026-05-04T12:00:00.000Z', '6 days ago'],
    ['2026-03-01T12:00:00.000Z', '2 months ago'],
    ['2023-05-01T12:00:00.000Z', '3 years ago'],
  ])('says %s was %s', (iso, text) => {
    expect(timeAgo(iso, now)).toBe(text);
  });

  it('reads a time a little in the future as just now', () => {
    expect(timeAgo('2026-05-10T12:00:05.000Z', now)).toBe('just now');
  });

  it('gives nothing for values that are not times', () => {
    for (const value of [undefined, null, '', 'yesterday', '<img src=x>']) {
      expect(timeAgo(value, now)).toBeUndefined();
      expect(localTime(value)).toBeUndefined();
    }
  });
});

describe('isLater', () => {
  it('compares two times and is false when one is missing', () => {
    expect(isLater('2026-05-10T12:00:00Z', '2026-05-09T12:00:00Z')).toBe(true);
    expect(isLater('2026-05-09T12:00:00Z', '2026-05-10T12:00:00Z')).toBe(false);
    expect(isLater('2026-05-10T12:00:00Z', undefined)).toBe(false);
    expect(isLater('nonsense', '2026-05-10T12:00:00Z')).toBe(false);
  });
});
