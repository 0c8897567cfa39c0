import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  evaluateScorecardCheck,
  parseInnerSourceAnnotations,
} from '@innersource/backstage-plugin-innersource-common';
import innersourcePlugin from '@innersource/backstage-plugin-innersource-backend';
import request from 'supertest';
import {
  innersourceOnCallCheckModule,
  onCallCheck,
} from './innersourceOnCallCheck';

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
    },
  };
}

const evaluate = (entity: Entity) =>
  evaluateScorecardCheck(onCallCheck, {
    entity,
    profile: parseInnerSourceAnnotations(entity).profile,
    now: new Date('2026-03-10T12:00:00Z'),
  });

describe('the on-call scorecard check', () => {
  it('passes with a PagerDuty service or an Opsgenie team', () => {
    expect(
      evaluate(component('a', { 'pagerduty.com/service-id': 'P123' })),
    ).toEqual({
      checkId: 'on-call',
      status: 'pass',
      evidence: 'pagerduty.com/service-id is set',
    });
    expect(
      evaluate(component('b', { 'opsgenie.com/team': 'payments' })).status,
    ).toBe('pass');
  });

  it('fails without either, or with an empty one', () => {
    expect(
      evaluate(component('c', { 'pagerduty.com/service-id': ' ' })),
    ).toEqual({
      checkId: 'on-call',
      status: 'fail',
      evidence: 'no pagerduty.com/service-id or opsgenie.com/team annotation',
    });
  });

  it('can be exempted like any check', () => {
    const result = evaluate(
      component('d', {
        'innersource/scorecard-exempt': 'on-call: a batch job nobody pages for',
      }),
    );
    expect(result.status).toBe('exempt');
  });

  it('shows up in GET /checks and in every scorecard once the module is installed', async () => {
    const backend = await startTestBackend({
      features: [
        innersourcePlugin,
        innersourceOnCallCheckModule,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
        catalogServiceMock.factory({
          entities: [
            component('paged', { 'pagerduty.com/service-id': 'P123' }),
            component('unpaged'),
          ],
        }),
        mockServices.database.factory(),
      ],
    });
    const auth = mockCredentials.user.header('user:default/alice');
    try {
      const checks = await request(backend.server)
        .get('/api/innersource/checks')
        .set('Authorization', auth);
      expect(checks.status).toBe(200);
      expect(checks.body.checks).toContainEqual(
        expect.objectContaining({
          id: 'on-call',
          level: 'gold',
          needs: 'annotations',
        }),
      );

      const statusOf = async (name: string) => {
        const res = await request(backend.server)
          .get(`/api/innersource/scorecards/component/default/${name}`)
          .set('Authorization', auth);
        expect(res.status).toBe(200);
        return res.body.results.find(
          (r: { checkId: string }) => r.checkId === 'on-call',
        )?.status;
      };
      await expect(statusOf('paged')).resolves.toBe('pass');
      await expect(statusOf('unpaged')).resolves.toBe('fail');
    } finally {
      await backend.stop();
    }
  });
});
