import { FixtureSeed, FixtureSeedRepository } from './seed';

/*
 * The demo's repositories, one per example component (examples/*.yaml), under
 * the `acme` organisation. Logins match the `github.com/user-login`
 * annotations of examples/org.yaml; `mkowalski-contractor` matches no catalog
 * user (an unknown author) and `dependabot[bot]` is a GitHub App.
 */

const README = (title: string) =>
  `# ${title}\n\nSee CONTRIBUTING for how to help.\n`;
const FULL_FILES = (title: string) => ({
  'README.md': README(title),
  'CONTRIBUTING.md':
    '# Contributing\n\nOpen a pull request; a trusted committer answers within two days.\n',
  '.github/CODEOWNERS': '* @acme/maintainers\n',
  LICENSE: 'Acme Retail internal licence.\n',
});
const INTERNAL_LICENSE = { spdxId: 'NOASSERTION', name: 'Other' };

const repositories: FixtureSeedRepository[] = [
  {
    owner: 'acme',
    name: 'payments-gateway',
    // Renamed once: REST answers the old name with 301, GraphQL follows it.
    previousNames: ['payments-gw'],
    description: 'Routes card, wallet and bank payments to the right provider.',
    pushedDaysAgo: 1,
    files: FULL_FILES('Payments Gateway'),
    license: INTERNAL_LICENSE,
    issues: [
      {
        number: 12,
        title: 'Add Klarna as a payment provider',
        labels: ['help wanted'],
        openedDaysAgo: 30,
      },
      {
        number: 15,
        title: 'Document the idempotency keys',
        labels: ['good first issue', 'docs'],
        openedDaysAgo: 9,
      },
      {
        number: 18,
        title: 'Capture retry test is flaky on CI',
        labels: ['good first issue'],
        openedDaysAgo: 4,
      },
      {
        number: 20,
        title: 'Upgrade to Spring Boot 3.3',
        labels: ['dependencies'],
        openedDaysAgo: 2,
      },
      {
        number: 9,
        title: 'Refund webhook times out',
        labels: ['help wanted'],
        openedDaysAgo: 60,
        closed: true,
      },
    ],
    pullRequests: [
      {
        number: 41,
        title: 'Step-up authentication with passkeys for 3-D Secure',
        author: 'priyan',
        openedDaysAgo: 20,
        reviews: [{ author: 'janedoe', afterHours: 3 }],
        mergedAfterHours: 30,
      },
      {
        number: 44,
        title: 'Build with the shared Gradle CI template',
        author: 'slindqvist',
        openedDaysAgo: 12,
        // A bot's comment never counts as a first response.
        comments: [
          { author: 'github-actions[bot]', afterHours: 0.2 },
          { author: 'ohaddad', afterHours: 5 },
        ],
        mergedAfterHours: 26,
      },
      {
        number: 47,
        title: 'Round JPY amounts without minor units',
        author: 'priyan',
        openedDaysAgo: 6,
        // The slow one: the author's own comment does not count; the first answer came after 70 hours.
        comments: [
          { author: 'priyan', afterHours: 1 },
          { author: 'ohaddad', afterHours: 70 },
        ],
        mergedAfterHours: 80,
      },
      {
        number: 48,
        title: 'Retry captures with exponential backoff',
        author: 'janedoe',
        openedDaysAgo: 4,
        reviews: [{ author: 'ohaddad', afterHours: 2 }],
        mergedAfterHours: 20,
      },
      {
        number: 49,
        title:
          'Bump com.fasterxml.jackson.core:jackson-databind from 2.17.0 to 2.17.1',
        author: 'dependabot[bot]',
        openedDaysAgo: 3,
        mergedAfterHours: 4,
      },
      {
        number: 50,
        title: 'Add Przelewy24 as a payment provider',
        author: 'mkowalski-contractor',
        openedDaysAgo: 8,
        reviews: [{ author: 'janedoe', afterHours: 10 }],
        mergedAfterHours: 40,
      },
      {
        number: 51,
        title: 'Expose wallet tokens to the iOS app',
        author: 'ytanaka',
        openedDaysAgo: 1,
        comments: [{ author: 'janedoe', afterHours: 6 }],
      },
    ],
  },
  {
    owner: 'acme',
    name: 'refunds-service',
    description: 'Issues full and partial refunds.',
    pushedDaysAgo: 40,
    files: {
      'README.md': README('Refunds Service'),
      '.github/CODEOWNERS': '* @acme/payments\n',
    },
    pullRequests: [
      {
        number: 7,
        title: 'Reconcile partial refunds nightly',
        author: 'liwei',
        openedDaysAgo: 45,
        reviews: [{ author: 'janedoe', afterHours: 4 }],
        mergedAfterHours: 24,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'checkout-web',
    description: 'The checkout pages of the web storefront.',
    pushedDaysAgo: 3,
    // No CODEOWNERS: outside pull requests get no reviewers automatically.
    files: { 'README.md': README('Checkout Web') },
    issues: [
      {
        number: 3,
        title: 'Card form error states are hard to read',
        labels: ['help wanted', 'design'],
        openedDaysAgo: 14,
      },
    ],
    pullRequests: [
      {
        number: 21,
        title: 'Show the card brand while typing',
        author: 'ohaddad',
        openedDaysAgo: 10,
        mergedAfterHours: 8,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'login-web',
    description: 'Sign-in, sign-up and password reset pages.',
    pushedDaysAgo: 2,
    files: {
      'README.md': README('Login Web'),
      'docs/CODEOWNERS': '* @acme/identity\n',
      LICENSE: 'Apache License, Version 2.0\n',
    },
    license: { spdxId: 'Apache-2.0', name: 'Apache License 2.0' },
    issues: [
      {
        number: 31,
        title: 'Passkey button is not announced by screen readers',
        labels: ['good first issue'],
        openedDaysAgo: 5,
      },
    ],
    pullRequests: [
      {
        number: 88,
        title: 'Theme tokens for partner sites',
        author: 'slindqvist',
        openedDaysAgo: 15,
        comments: [{ author: 'priyan', afterHours: 12 }],
        mergedAfterHours: 36,
      },
      {
        number: 90,
        title: 'Fix focus order on the reset page',
        author: 'tnovak',
        openedDaysAgo: 7,
        mergedAfterHours: 6,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'session-store',
    description: 'Redis-backed storage of shopper sessions (deprecated).',
    archived: true,
    pushedDaysAgo: 400,
    files: { 'README.md': README('Session Store') },
  },
  {
    owner: 'acme',
    name: 'ci-templates',
    description: 'Reusable pipeline templates.',
    pushedDaysAgo: 5,
    files: {
      'README.md': README('CI Templates'),
      'docs/contributing.md': '# Contributing\n',
      '.github/CODEOWNERS': '* @acme/platform\n',
    },
    issues: [
      {
        number: 4,
        title: 'Template for Rust services',
        labels: ['help wanted'],
        openedDaysAgo: 20,
      },
    ],
    pullRequests: [
      {
        number: 12,
        title: 'Cache Gradle between jobs',
        author: 'kmensah',
        openedDaysAgo: 9,
        reviews: [{ author: 'slindqvist', afterHours: 3 }],
        mergedAfterHours: 10,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'deploy-cli',
    description: 'Command line tool that deploys a service.',
    // An empty repository: nothing pushed yet.
  },
  {
    owner: 'acme',
    name: 'backstage-portal',
    description: "Acme Retail's developer portal.",
    pushedDaysAgo: 1,
    files: FULL_FILES('Backstage Portal'),
    license: INTERNAL_LICENSE,
    issues: [
      {
        number: 101,
        title: 'Write a guide to adding catalog-info.yaml',
        labels: ['good first issue', 'docs'],
        openedDaysAgo: 11,
      },
    ],
    pullRequests: [
      {
        number: 230,
        title: 'Search result card for help-wanted asks',
        author: 'erossi',
        openedDaysAgo: 16,
        reviews: [{ author: 'slindqvist', afterHours: 20 }],
        mergedAfterHours: 48,
      },
      {
        number: 233,
        title: 'Upgrade Backstage',
        author: 'kmensah',
        openedDaysAgo: 5,
        mergedAfterHours: 3,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'search-indexer',
    description: 'Keeps the product search index in step.',
    pushedDaysAgo: 10,
    files: { 'README.md': README('Search Indexer') },
  },
  {
    owner: 'acme',
    name: 'autocomplete-service',
    description: 'Suggests products while shoppers type.',
    // Dormant: the latest commit is older than the activity threshold.
    pushedDaysAgo: 120,
    files: {
      'README.md': README('Autocomplete Service'),
      'CONTRIBUTING.md': '# Contributing\n',
      '.github/CODEOWNERS': '* @acme/search\n',
    },
    issues: [
      {
        number: 2,
        title: 'German compound-word splitting',
        labels: ['good first issue'],
        openedDaysAgo: 150,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'ios-app',
    description: 'The Acme Retail shopping app for iPhone and iPad.',
    pushedDaysAgo: 2,
    files: FULL_FILES('iOS App'),
    license: INTERNAL_LICENSE,
    issues: [
      {
        number: 55,
        title: 'Order tracking widget',
        labels: ['good first issue'],
        openedDaysAgo: 8,
      },
    ],
    pullRequests: [
      {
        number: 301,
        title: 'Apple Pay through the payments gateway',
        author: 'janedoe',
        openedDaysAgo: 25,
        reviews: [{ author: 'ytanaka', afterHours: 9 }],
        mergedAfterHours: 30,
      },
      {
        number: 305,
        title: 'Dark-mode product cards',
        author: 'fzahra',
        openedDaysAgo: 6,
        mergedAfterHours: 12,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'android-app',
    description: 'The Acme Retail shopping app for Android.',
    pushedDaysAgo: 7,
    files: { 'README.md': README('Android App') },
  },
  {
    owner: 'acme',
    name: 'mobile-bff',
    description: 'Aggregates the APIs the mobile apps need.',
    pushedDaysAgo: 15,
    files: {
      'README.md': README('Mobile BFF'),
      '.github/CODEOWNERS': '* @acme/mobile\n',
    },
  },
  {
    owner: 'acme',
    name: 'event-collector',
    description: 'Receives click-stream and order events.',
    pushedDaysAgo: 3,
    // A slow host answer: every read of this repository takes 1.5 seconds.
    delayMs: 1500,
    files: { ...FULL_FILES('Event Collector'), LICENSE: 'MIT License\n' },
    license: { spdxId: 'MIT', name: 'MIT License' },
    issues: [
      {
        number: 70,
        title: 'Schema check for new event types',
        labels: ['schema'],
        openedDaysAgo: 12,
      },
      {
        number: 72,
        title: 'Document the event naming rules',
        labels: ['good first issue'],
        openedDaysAgo: 3,
      },
    ],
    pullRequests: [
      {
        number: 140,
        title: 'Payment events in the order stream',
        author: 'ohaddad',
        openedDaysAgo: 18,
        comments: [{ author: 'nbecker', afterHours: 30 }],
        mergedAfterHours: 50,
      },
      {
        number: 142,
        title: 'Avro schemas for checkout events',
        author: 'aokafor',
        openedDaysAgo: 9,
        mergedAfterHours: 5,
      },
    ],
  },
  {
    owner: 'acme',
    name: 'image-resizer',
    description:
      'Resizes product photos (its catalog entry has a malformed github.com/project-slug).',
    pushedDaysAgo: 20,
    files: { 'README.md': README('Image Resizer') },
  },
];

/** The demo fixture's main host (`innersource.demo.githubFixture.port`, 7008). */
export const demoSeed: FixtureSeed = { repositories };

/**
 * The demo's second host (`rateLimitedPort`, 7009), whose token is out of
 * budget: GitHub limits a token, not a repository, so a rate-limited
 * repository is one on a host whose budget is spent.
 */
export const demoRateLimitedSeed: FixtureSeed = {
  repositories: [
    {
      owner: 'acme',
      name: 'reporting-dashboards',
      description: 'Sales and stock dashboards.',
      pushedDaysAgo: 30,
      files: { 'README.md': README('Reporting Dashboards') },
    },
  ],
};
