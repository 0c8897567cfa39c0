import { decodeCursor, encodeCursor } from './cursor';
import { BoardQuery } from './types';

const query: BoardQuery = {
  text: 'kotlin',
  skills: ['Java', 'go'],
  contributionTypes: [],
  ownerRefs: [],
  systemRefs: [],
  domainRefs: [],
  tags: [],
  sort: 'relevance',
};
const key = [-7, -2, 'payments gateway', 'component:default/gateway'];

describe('board cursors', () => {
  it('carry the key of the last item back', () => {
    expect(decodeCursor(encodeCursor(query, key), query)).toEqual(key);
  });

  it('hold for the same query written differently', () => {
    const cursor = encodeCursor(query, key);
    expect(
      decodeCursor(cursor, {
        ...query,
        text: ' KOTLIN ',
        skills: ['go', 'java'],
      }),
    ).toEqual(key);
  });

  it('do not hold for other filters or another sort', () => {
    const cursor = encodeCursor(query, key);
    expect(decodeCursor(cursor, { ...query, skills: ['go'] })).toBeUndefined();
    expect(decodeCursor(cursor, { ...query, text: 'java' })).toBeUndefined();
    expect(
      decodeCursor(cursor, { ...query, sort: 'most-asks' }),
    ).toBeUndefined();
  });

  it('reject anything that is not a cursor', () => {
    for (const cursor of [
      'garbage',
      '',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"q":"x","k":[1]}').toString('base64url'),
    ]) {
      expect(decodeCursor(cursor, query)).toBeUndefined();
    }
  });

  it('reject a key of the wrong shape', () => {
    const shapeOfAnotherSort = encodeCursor(query, [1, 'a', 'b']);
    expect(decodeCursor(shapeOfAnotherSort, query)).toBeUndefined();
  });

  it('do not hold with or without the issues filter of another query', () => {
    const cursor = encodeCursor(query, key);
    expect(decodeCursor(cursor, { ...query, hasIssues: true })).toBeUndefined();
    const withIssues = { ...query, hasIssues: true };
    expect(decodeCursor(encodeCursor(withIssues, key), withIssues)).toEqual(
      key,
    );
    // Cursors handed out before the filter existed keep their meaning.
    expect(decodeCursor(cursor, { ...query, hasIssues: false })).toEqual(key);
  });

  it('carry open issues before the relevance with most-issues', () => {
    const issuesFirst = { ...query, sort: 'most-issues' as const };
    const issuesKey = [
      -4,
      -7,
      -2,
      'payments gateway',
      'component:default/gateway',
    ];
    expect(
      decodeCursor(encodeCursor(issuesFirst, issuesKey), issuesFirst),
    ).toEqual(issuesKey);
    expect(
      decodeCursor(encodeCursor(issuesFirst, key), issuesFirst),
    ).toBeUndefined();
    const withoutText = { ...issuesFirst, text: '' };
    const shortKey = [-4, -2, 'payments gateway', 'component:default/gateway'];
    expect(
      decodeCursor(encodeCursor(withoutText, shortKey), withoutText),
    ).toEqual(shortKey);
  });
});
