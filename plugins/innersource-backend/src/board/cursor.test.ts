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
});
