import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { wantedComponent } from '../__testUtils__/fixtures';
import { innersourcePlugin } from '../plugin';

// The badges as the installed plugin serves them: public, apart from the links.

describe('the badges of the installed plugin', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    const fake = fakeCatalog([wantedComponent('gateway')]);
    backend = await startTestBackend({
      features: [
        innersourcePlugin,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'https://backstage.example.com' } },
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} } as NotificationService),
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => fake.catalog,
        }),
      ],
    });
    // Puts the entity on the board now, rather than waiting for the schedule.
    await request(backend.server)
      .post('/api/innersource/board/component/default/gateway/refresh')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
  }, 60_000);
  afterAll(() => backend?.stop());

  it('serves badges without a token', async () => {
    const response = await request(backend.server).get(
      '/api/innersource/badges/component/default/gateway/contributions',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'image/svg+xml; charset=utf-8',
    );
    expect(response.headers['cross-origin-resource-policy']).toBe(
      'cross-origin',
    );
  });

  it('gives badge links only to signed-in users', async () => {
    const path = '/api/innersource/badges/links/component/default/gateway';
    expect((await request(backend.server).get(path)).status).toBe(401);
    const response = await request(backend.server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.entityUrl).toBe(
      'https://backstage.example.com/catalog/default/component/gateway',
    );
  });

  it('keeps the other routes closed to requests without a token', async () => {
    const response = await request(backend.server).get(
      '/api/innersource/board',
    );
    expect(response.status).toBe(401);
  });
});
