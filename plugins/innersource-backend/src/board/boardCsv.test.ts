import { storedEntry } from '../__testUtils__/fixtures';
import { boardCsv, csvCell } from './boardCsv';
import { BoardItem } from './types';

function item(overrides: Partial<BoardItem> = {}): BoardItem {
  return {
    ...storedEntry('gateway'),
    asksExpired: false,
    asksUpdatedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

describe('boardCsv', () => {
  it('writes a header row and one row per item', () => {
    const csv = boardCsv([
      item({
        title: 'Payments Gateway',
        owner: 'group:default/payments',
        tags: ['java', 'payments'],
        asks: [
          { type: 'docs', text: 'Write a quickstart' },
          { text: 'Add Klarna' },
        ],
        skills: ['kotlin'],
        contributing: { type: 'repo-path', path: 'CONTRIBUTING.md' },
        chat: { type: 'channel', name: '#payments-dev' },
        responseTime: { text: '2d', hours: 48 },
      }),
    ]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'entityRef,kind,namespace,name,title,description,owner,system,domain,tags,asks,asksValidUntil,asksExpired,skills,contributionTypes,trustedCommitters,contributing,chat,responseTime,asksUpdatedAt,updatedAt,openIssues,lastCommitAt,codeHostReadAt',
    );
    expect(row).toBe(
      'component:default/gateway,Component,default,gateway,Payments Gateway,,group:default/payments,,,"java, payments",[docs] Write a quickstart; Add Klarna,,false,kotlin,,,CONTRIBUTING.md,#payments-dev,2d,2026-01-01T00:00:00.000Z,2026-01-02T00:00:00.000Z,,,',
    );
    expect(end).toBe('');
  });

  it('writes the open issues and the last commit the code host reported', () => {
    const facts = {
      repositoryUrl: 'https://github.com/acme/gateway',
      newestIssues: [],
      readAt: '2026-06-01T10:00:00.000Z',
    };
    const [, read, empty, unread] = boardCsv([
      item({
        codeHost: {
          ...facts,
          openIssues: 4,
          lastCommitAt: '2026-05-30T08:00:00.000Z',
        },
      }),
      item({ codeHost: { ...facts, openIssues: 0, lastCommitAt: null } }),
      item(),
    ]).split('\r\n');
    const lastThree = (row: string) => row.split(',').slice(-3);
    expect(lastThree(read)).toEqual([
      '4',
      '2026-05-30T08:00:00.000Z',
      '2026-06-01T10:00:00.000Z',
    ]);
    expect(lastThree(empty)).toEqual(['0', '', '2026-06-01T10:00:00.000Z']);
    expect(lastThree(unread)).toEqual(['', '', '']);
  });

  it('writes only the header for an empty board', () => {
    expect(boardCsv([]).split('\r\n')).toHaveLength(2);
  });

  it.each([
    [
      '=HYPERLINK("http://evil.example")',
      `"'=HYPERLINK(""http://evil.example"")"`,
    ],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('keeps spreadsheets from running %j as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a-b=c')).toBe('a-b=c');
  });

  it('escapes text from annotations wherever it lands', () => {
    const csv = boardCsv([
      item({
        title: '=cmd|/C calc!A0',
        description: '@evil',
        asks: [{ text: '-1+1' }],
      }),
    ]);
    const row = csv.split('\r\n')[1];
    expect(row).toContain(",'=cmd|/C calc!A0,'@evil,");
    expect(row).toContain(",'-1+1,");
  });
});
