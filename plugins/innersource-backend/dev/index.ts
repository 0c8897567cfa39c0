import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// `yarn start` in this package: the plugin alone, with a catalog of two entities and
// every request treated as the mock user, e.g.
//
//   curl 'http://localhost:7007/api/innersource/board?q=kotlin'
//   curl 'http://localhost:7007/api/innersource/board?format=csv'
//
// The demo backend in packages/backend runs it with the real catalog.

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments-gateway',
          title: 'Payments Gateway',
          description: 'Takes card payments for every shop',
          tags: ['java', 'payments'],
          annotations: {
            'innersource/contributions-wanted': 'true',
            'innersource/help-wanted':
              '[docs] Write a Kotlin quickstart\n[code] Add Klarna',
            'innersource/help-wanted-until': '2035-12-31',
            'innersource/skills': 'kotlin, java',
            'innersource/contribution-types': 'code, docs',
          },
        },
        spec: { type: 'service', owner: 'payments', system: 'checkout' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'checkout' },
        spec: { owner: 'payments', domain: 'commerce' },
      },
    ],
  }),
);
backend.add(import('../src'));

backend.start();
