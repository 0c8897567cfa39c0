import { searchWords, TEXT_FIELDS, TextIndex } from './TextIndex';

describe('searchWords', () => {
  it('splits text into lower-case words of letters and digits', () => {
    expect(searchWords('Write a Kotlin-Quickstart, v2 (für Ärzte)!')).toEqual([
      'write',
      'a',
      'kotlin',
      'quickstart',
      'v2',
      'für',
      'ärzte',
    ]);
    expect(searchWords('  --  ')).toEqual([]);
  });
});

describe('TextIndex', () => {
  const texts: Array<Array<[number, string]>> = [
    [
      [TEXT_FIELDS.title, 'Payments Gateway'],
      [TEXT_FIELDS.asks, 'Add Klarna payments'],
    ],
    [[TEXT_FIELDS.description, 'Pays the bills']],
    [[TEXT_FIELDS.skills, 'kotlin']],
  ];
  const index = new TextIndex(texts.length, pos => texts[pos]);

  it('finds the fields where a word starts with the prefix', () => {
    expect([...index.match('pay')]).toEqual([
      TEXT_FIELDS.title | TEXT_FIELDS.asks,
      TEXT_FIELDS.description,
      0,
    ]);
    expect([...index.match('payments')]).toEqual([
      TEXT_FIELDS.title | TEXT_FIELDS.asks,
      0,
      0,
    ]);
  });

  it('does not find words in the middle of others', () => {
    expect([...index.match('way')]).toEqual([0, 0, 0]);
    expect([...index.match('zzz')]).toEqual([0, 0, 0]);
  });
});
