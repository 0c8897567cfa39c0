import { ContributionType } from '@innersource/backstage-plugin-innersource-common';
import { BoardItem } from '../api';
import { BIDI, HOSTILE_HTML, HOSTILE_URL, LONG } from './entities';
import { hoursAgo } from './time';

function item(
  name: string,
  fields: Partial<BoardItem> & Pick<BoardItem, 'skills'>,
): BoardItem {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    tags: [],
    asks: [],
    contributionTypes: [],
    trustedCommitters: [],
    asksExpired: false,
    asksUpdatedAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...fields,
  };
}

/** Everything a board item can carry, all valid. */
export const paymentsGateway = item('payments-gateway', {
  title: 'Payments Gateway',
  description: 'Card and wallet payments for every storefront',
  owner: 'group:default/payments',
  system: 'system:default/checkout',
  domain: 'domain:default/commerce',
  tags: ['jvm', 'payments'],
  asks: [
    { text: 'Add Klarna as a payment provider', type: 'code' },
    { text: 'Write a Kotlin quickstart for calling the gateway', type: 'docs' },
    { text: 'Cover the capture retry policy with contract tests' },
  ],
  asksValidUntil: '2099-12-31',
  skills: ['kotlin', 'java', 'spring-boot'],
  contributionTypes: ['code', 'docs', 'tests'],
  trustedCommitters: ['user:default/jane-doe', 'group:default/payments'],
  contributing: {
    type: 'url',
    url: 'https://github.com/acme-retail/payments-gateway/blob/main/CONTRIBUTING.md',
  },
  chat: { type: 'channel', name: '#payments-dev' },
  responseTime: { text: '2d', hours: 48 },
});

/** No title, a chat URL and a repository path that the backend could not resolve. */
export const designSystem = item('design-system', {
  description: 'React components of the storefront',
  owner: 'group:default/web',
  tags: ['react'],
  asks: [{ text: 'Document the colour tokens', type: 'docs' }],
  skills: ['react', 'typescript'],
  contributionTypes: ['docs', 'design'],
  contributing: { type: 'repo-path', path: 'docs/CONTRIBUTING.md' },
  chat: { type: 'url', url: 'https://chat.acme.example/channels/design' },
  codeHost: {
    repositoryUrl: 'https://github.com/acme-retail/design-system',
    openIssues: 4,
    newestIssues: [
      {
        title: 'Dark mode for the date picker',
        url: 'https://github.com/acme-retail/design-system/issues/41',
        labels: ['good first issue', 'a11y'],
        createdAt: hoursAgo(3 * 24 + 2),
      },
      {
        title: 'Storybook page for the tooltip',
        url: 'https://github.com/acme-retail/design-system/issues/38',
        labels: ['good first issue'],
        createdAt: hoursAgo(10 * 24),
      },
    ],
    lastCommitAt: hoursAgo(5),
    readAt: hoursAgo(2),
  },
});

/** Few fields, owned by a person. */
export const searchIndexer = item('search-indexer', {
  title: 'Search Indexer',
  owner: 'user:default/jane-doe',
  asks: [{ text: 'Port the indexer to Rust' }],
  skills: ['rust', 'kotlin'],
  contributionTypes: ['code'],
});

/** Every string carries something a browser would love to execute. */
export const hostileItem: BoardItem = {
  entityRef: 'component:default/hostile',
  kind: 'Component',
  namespace: 'default',
  name: 'hostile',
  title: HOSTILE_HTML,
  description: `<script>alert(1)</script>${BIDI}`,
  owner: `group:default/${HOSTILE_HTML}`,
  system: HOSTILE_URL,
  domain: HOSTILE_HTML,
  tags: ['<svg onload=alert(1)>'],
  asks: [
    // The API's JSON is untrusted: types cannot stop a hostile value reaching the UI.
    { text: HOSTILE_HTML, type: HOSTILE_HTML as ContributionType },
    { text: `<a href="${HOSTILE_URL}">click</a>`, type: 'code' },
    { text: BIDI },
    { text: LONG },
  ],
  asksValidUntil: HOSTILE_HTML,
  skills: [HOSTILE_HTML, BIDI, HOSTILE_URL],
  contributionTypes: [HOSTILE_HTML as ContributionType],
  trustedCommitters: [HOSTILE_URL],
  contributing: { type: 'url', url: HOSTILE_URL },
  chat: { type: 'url', url: 'data:text/html,<script>alert(1)</script>' },
  responseTime: { text: `<iframe src="${HOSTILE_URL}">`, hours: 1 },
  codeHost: {
    repositoryUrl: HOSTILE_URL,
    openIssues: 2,
    newestIssues: [
      {
        title: HOSTILE_HTML,
        url: HOSTILE_URL,
        labels: ['<svg onload=alert(1)>'],
        createdAt: HOSTILE_HTML,
      },
      {
        title: `<a href="${HOSTILE_URL}">free bounty</a>`,
        url: 'data:text/html,<script>alert(1)</script>',
        labels: [],
        createdAt: hoursAgo(1),
      },
    ],
    readAt: HOSTILE_HTML,
  },
  asksExpired: false,
  asksUpdatedAt: HOSTILE_HTML,
  updatedAt: HOSTILE_HTML,
};

export const boardItems = [paymentsGateway, designSystem, searchIndexer];
