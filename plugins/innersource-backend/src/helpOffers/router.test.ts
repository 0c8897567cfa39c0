import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  apiTestEntities,
  startInnersourceTestBackend,
} from '../__testUtils__/innersourceTestBackend';
import { wantedComponent } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/openApi';

// "I want to help" as a frontend sees it: the plugin in a test backend, on SQLite
// and on PostgreSQL, with the in-memory catalog of Backstage's test utilities.
// Mallory may not read the ledger; everyone else may read everything.

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const alice = mockCredentials.user.header('user:default/alice');
const mallory = mockCredentials.user.header('user:default/mallory');

const catalogEntities: Entity[] = [
  ...apiTestEntities,
  wantedComponent('formula', {
    title: '=HYPERLINK("http://evil.example","click")',
    description: '+cmd',
    owner: 'web',
  }),
];

function startBackend(databaseId: string, entities = catalogEntities) {
  return startInnersourceTestBackend(databases, databaseId, entities);
}

describe('the innersource API: help offers', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    expect(
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
        !databases.supports('POSTGRES_15'),
    ).toBe(false);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    describe('POST /board/:kind/:namespace/:name/interest', () => {
      let backend: TestBackend;
      let notifications: { send: jest.Mock };
      const offer = (path: string, body: object = {}, header = alice) =>
        request(backend.server)
          .post(`/api/innersource/board/${path}/interest`)
          .set('Authorization', header)
          .send(body);
      const bob = mockCredentials.user.header('user:default/bob');
      const carol = mockCredentials.user.header('user:default/carol');

      beforeAll(async () => {
        ({ backend, notifications } = await startBackend(databaseId, [
          ...catalogEntities,
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'alice' },
            spec: { profile: { displayName: 'Alice Example' }, memberOf: [] },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'closed' },
            spec: { type: 'service', lifecycle: 'production', owner: 'web' },
          },
        ]));
      }, 60_000);
      afterAll(() => backend?.stop());
      beforeEach(() => notifications.send.mockClear());

      it('notifies the owner once, with who, which ask, the message and a link', async () => {
        const response = await offer('component/default/gateway', {
          ask: 'Add Klarna',
          message: '  I built the Klarna integration at my last job.\n ',
        });
        expect(response.status).toBe(202);
        expect(schemaErrors(response.body, 'HelpOfferResult')).toEqual([]);
        expect(response.body).toEqual({ notified: 'group:default/payments' });
        expect(notifications.send).toHaveBeenCalledTimes(1);
        expect(notifications.send).toHaveBeenCalledWith({
          recipients: { type: 'entity', entityRef: 'group:default/payments' },
          payload: {
            title: 'Alice Example wants to help with Payments Gateway',
            description:
              'Alice Example (user:default/alice) offers help with Payments Gateway.\n\n' +
              'Ask: Add Klarna\n\n' +
              'Message: I built the Klarna integration at my last job.',
            link: '/catalog/default/component/gateway',
            severity: 'normal',
            topic: 'innersource-help-wanted',
          },
        });
      });

      it('names the user by their ref when the catalog has no display name', async () => {
        const response = await offer('component/default/storefront', {}, bob);
        expect(response.status).toBe(202);
        expect(notifications.send.mock.calls[0][0].payload.title).toBe(
          'user:default/bob wants to help with Storefront',
        );
      });

      it('answers 429 with Retry-After to a second offer for the same entity within a day', async () => {
        const first = await offer('component/default/formula', {}, carol);
        expect(first.status).toBe(202);
        const second = await offer('component/default/formula', {}, carol);
        expect(second.status).toBe(429);
        expect(schemaErrors(second.body, 'Error')).toEqual([]);
        expect(second.body.error.message).toMatch(
          /^You have offered help too often; try again after \d{4}-\d\d-\d\dT/,
        );
        const retryAfter = Number(second.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(24 * 3600 - 60);
        expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
        expect(notifications.send).toHaveBeenCalledTimes(1);
      });

      it('rejects an ask that is not one of the current asks with 400 naming "ask"', async () => {
        const response = await offer('component/default/gateway', {
          ask: 'Rewrite it in Rust',
        });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(/^Invalid "ask"/);
        expect(notifications.send).not.toHaveBeenCalled();
      });

      it('rejects a message over 1,000 characters with 400', async () => {
        const response = await offer('component/default/gateway', {
          message: 'x'.repeat(1001),
        });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(/^Invalid "message"/);
        expect(notifications.send).not.toHaveBeenCalled();
      });

      it('answers 404 for an entity the caller may not read, and notifies no one', async () => {
        const hidden = await offer(
          'component/default/secret-ledger',
          {},
          mallory,
        );
        const missing = await offer('component/default/no-such-thing');
        for (const response of [hidden, missing]) {
          expect(response.status).toBe(404);
          expect(schemaErrors(response.body, 'Error')).toEqual([]);
        }
        expect(notifications.send).not.toHaveBeenCalled();
      });

      it('answers 409 for an entity that does not want contributions', async () => {
        const response = await offer('component/default/closed');
        expect(response.status).toBe(409);
        expect(notifications.send).not.toHaveBeenCalled();
      });

      it('answers 403 to a service and 401 without a token', async () => {
        const service = await offer(
          'component/default/gateway',
          {},
          mockCredentials.service.header(),
        );
        expect(service.status).toBe(403);
        const anonymous = await request(backend.server)
          .post('/api/innersource/board/component/default/gateway/interest')
          .send({});
        expect(anonymous.status).toBe(401);
        expect(notifications.send).not.toHaveBeenCalled();
      });
    });
  });
});
