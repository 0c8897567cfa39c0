import { parseScorecardOverviewRequest } from './parseScorecardRequest';

const LEVELS = ['bronze', 'silver', 'gold'];
const parse = (params: Record<string, unknown>) =>
  parseScorecardOverviewRequest(params, LEVELS);

describe('parseScorecardOverviewRequest', () => {
  it('sorts by score, best first, 20 at a time, by default', () => {
    expect(parse({})).toEqual({ sort: 'score-desc', limit: 20, offset: 0 });
  });

  it('reads every parameter', () => {
    expect(
      parse({
        level: 'silver',
        owner: 'payments',
        sort: 'name',
        limit: '50',
        offset: '100',
      }),
    ).toEqual({
      level: 'silver',
      owner: 'group:default/payments',
      sort: 'name',
      limit: 50,
      offset: 100,
    });
    expect(parse({ level: 'none', owner: 'User:Ops/Jane' })).toMatchObject({
      level: 'none',
      owner: 'user:ops/jane',
    });
    expect(parse({ level: '', owner: ' ' })).toEqual(parse({}));
  });

  it.each([
    [
      { level: 'platinum' },
      'level',
      'is not a level; use one of bronze, silver, gold, none',
    ],
    [{ owner: 'group:' }, 'owner', 'is not an entity ref'],
    [
      { sort: 'score' },
      'sort',
      'is not a sort; use one of score-desc, score-asc, name',
    ],
    [{ limit: '0' }, 'limit', 'must be a whole number from 1 to 100'],
    [{ limit: '101' }, 'limit', 'must be a whole number from 1 to 100'],
    [{ limit: 'ten' }, 'limit', 'must be a whole number'],
    [{ offset: '-1' }, 'offset', 'must be a whole number from 0'],
    [{ level: ['bronze', 'gold'] }, 'level', 'give it at most once'],
    [{ owner: { a: 'b' } }, 'owner', 'must be given as name=value'],
    [{ page: '2' }, 'page', 'not a parameter of the scorecard overview'],
  ])('names the parameter of a bad value: %j', (params, name, message) => {
    expect(() => parse(params)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(`Invalid query parameter "${name}": `),
      }),
    );
    expect(() => parse(params)).toThrow(message);
  });
});
