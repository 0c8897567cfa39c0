import { BoardItem } from './types';

/** The columns of the CSV export, in order, with how each is written. */
const COLUMNS: Array<[header: string, value: (item: BoardItem) => string]> = [
  ['entityRef', item => item.entityRef],
  ['kind', item => item.kind],
  ['namespace', item => item.namespace],
  ['name', item => item.name],
  ['title', item => item.title ?? ''],
  ['description', item => item.description ?? ''],
  ['owner', item => item.owner ?? ''],
  ['system', item => item.system ?? ''],
  ['domain', item => item.domain ?? ''],
  ['tags', item => item.tags.join(', ')],
  // Written as the annotation is, so the cell reads like the catalog file.
  [
    'asks',
    item =>
      item.asks
        .map(ask => (ask.type ? `[${ask.type}] ${ask.text}` : ask.text))
        .join('; '),
  ],
  ['asksValidUntil', item => item.asksValidUntil ?? ''],
  ['asksExpired', item => String(item.asksExpired)],
  ['skills', item => item.skills.join(', ')],
  ['contributionTypes', item => item.contributionTypes.join(', ')],
  ['trustedCommitters', item => item.trustedCommitters.join(', ')],
  [
    'contributing',
    item =>
      item.contributing?.type === 'url'
        ? item.contributing.url
        : item.contributing?.path ?? '',
  ],
  [
    'chat',
    item => (item.chat?.type === 'url' ? item.chat.url : item.chat?.name ?? ''),
  ],
  ['responseTime', item => item.responseTime?.text ?? ''],
  ['asksUpdatedAt', item => item.asksUpdatedAt],
  ['updatedAt', item => item.updatedAt],
  // Empty, not 0, when the code host reported nothing: a count never seen is not zero.
  [
    'openIssues',
    item => (item.codeHost ? String(item.codeHost.openIssues) : ''),
  ],
  ['lastCommitAt', item => item.codeHost?.lastCommitAt ?? ''],
  ['codeHostReadAt', item => item.codeHost?.readAt ?? ''],
];

/**
 * A cell that a spreadsheet shows as text: cells starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be read as a formula (CSV injection), so they
 * get a leading `'`; then quoted as RFC 4180 asks when needed.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The board items as CSV with a header row, lines ending in CRLF. */
export function boardCsv(items: BoardItem[]): string {
  const rows = [
    COLUMNS.map(([header]) => header),
    ...items.map(item => COLUMNS.map(([, value]) => value(item))),
  ];
  return rows.map(row => `${row.map(csvCell).join(',')}\r\n`).join('');
}
