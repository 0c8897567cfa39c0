import { Entity } from '@backstage/catalog-model';

function component(
  name: string,
  annotations: Record<string, string>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations, ...extra },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
  };
}

/** Every annotation a maintainer can give, all valid, asks open until 2099. */
export const completeEntity = component('payments-gateway', {
  'backstage.io/source-location':
    'url:https://github.com/acme-retail/payments-gateway/tree/main/',
  'innersource/contributions-wanted': 'true',
  'innersource/help-wanted': [
    '[code] Add Klarna as a payment provider',
    '[docs] Write a Kotlin quickstart for calling the gateway',
    'Cover the capture retry policy with contract tests',
  ].join('\n'),
  'innersource/help-wanted-until': '2099-12-31',
  'innersource/skills': 'kotlin, java, spring-boot, postgresql, kafka, grpc',
  'innersource/contribution-types': 'code, docs, tests',
  'innersource/issue-labels': 'good first issue, help wanted',
  'innersource/contributing': 'CONTRIBUTING.md',
  'innersource/chat': '#payments-dev',
  'innersource/trusted-committers': 'user:jane-doe, group:payments',
  'innersource/response-time': '2d',
  'innersource/warranty': '30d',
  'innersource/license': 'Apache-2.0',
  'innersource/scorecard-exempt':
    'codeowners: the whole team reviews every change',
});

/** Valid annotations whose asks expired on 2020-01-31. */
export const expiredEntity = component('refunds-service', {
  'innersource/contributions-wanted': 'true',
  'innersource/help-wanted':
    'Port the reconciliation job to coroutines; [tests] Add property tests',
  'innersource/help-wanted-until': '2020-01-31',
  'innersource/chat': 'https://chat.acme.example/channels/refunds',
  'innersource/contributing': 'https://docs.acme.example/refunds/contributing',
  'innersource/license': 'https://licenses.acme.example/innersource-1.0',
  'innersource/skills': 'kotlin',
});

/** Broken values and a misspelt key, as in examples/malformed.yaml. */
export const malformedEntity = component('image-resizer', {
  'innersource/contributions-wanted': 'yes',
  'innersource/response-time': 'two days',
  'innersource/contribution-types': 'code, painting',
  'innersource/skils': 'rust, image-processing',
});

/** No innersource/* annotation at all. */
export const bareEntity = component(
  'auth-service',
  { 'backstage.io/source-location': 'url:https://github.com/acme/auth/' },
  { tags: ['go', 'security'] },
);

export const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
// eslint-disable-next-line no-script-url -- hostile input for the tests
export const HOSTILE_URL = 'javascript:alert(1)';
export const BIDI = '\u202Egnp.exe\u202C';
export const LONG = `x${'A'.repeat(10000)}`;

/** Every annotation carries something a browser would love to execute. */
export const hostileEntity = component(
  'hostile',
  {
    'backstage.io/source-location': `url:${HOSTILE_URL}//`,
    'innersource/contributions-wanted': 'true',
    'innersource/help-wanted': [
      `[code] ${HOSTILE_HTML}`,
      '<script>alert(1)</script>',
      `[${HOSTILE_HTML}] typed`,
      LONG,
      BIDI,
    ].join('\n'),
    'innersource/help-wanted-until': HOSTILE_HTML,
    'innersource/skills': `${HOSTILE_HTML}, ${BIDI}, ${HOSTILE_URL}, ${LONG}`,
    'innersource/contribution-types': `code, ${HOSTILE_HTML}`,
    'innersource/issue-labels': `<a href="${HOSTILE_URL}">x</a>`,
    'innersource/contributing': HOSTILE_URL,
    'innersource/chat': `data:text/html,<script>alert(1)</script>`,
    'innersource/trusted-committers': `user:${HOSTILE_HTML}, ${HOSTILE_URL}`,
    'innersource/response-time': HOSTILE_URL,
    'innersource/warranty': BIDI,
    'innersource/license': '<b>proprietary</b>',
    'innersource/scorecard-exempt': `${HOSTILE_HTML}: <iframe src="${HOSTILE_URL}">`,
    [`innersource/${HOSTILE_HTML}`]: HOSTILE_HTML,
  },
  {
    title: HOSTILE_HTML,
    description: HOSTILE_HTML,
    tags: ['<svg onload=alert(1)>'],
  },
);

/** Valid values, but a repo path that must not become a link off a hostile source. */
export const hostileSourceEntity = component('hostile-source', {
  'backstage.io/source-location': `url:${HOSTILE_URL}//`,
  'innersource/contributions-wanted': 'true',
  'innersource/contributing': 'docs/CONTRIBUTING.md',
});
