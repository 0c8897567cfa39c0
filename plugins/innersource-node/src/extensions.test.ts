import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { ScorecardCheckDefinition } from '@innersource/backstage-plugin-innersource-common';
import {
  InnerSourceScorecardChecksExtensionPoint,
  innersourceScorecardChecksExtensionPoint,
} from './extensions';

const onCall: ScorecardCheckDefinition = {
  id: 'on-call',
  title: 'On-call documented',
  level: 'silver',
  weight: 1,
  needs: 'annotations',
  description: 'Someone answers when it breaks.',
  remediation: 'Add a pagerduty.com/service-id annotation.',
  evaluate: ({ entity }) =>
    entity.metadata.annotations?.['pagerduty.com/service-id']
      ? { status: 'pass', evidence: 'has a PagerDuty service' }
      : { status: 'fail', evidence: 'no on-call annotation' },
};

describe('innersourceScorecardChecksExtensionPoint', () => {
  it('has the id the InnerSource backend plugin registers', () => {
    expect(innersourceScorecardChecksExtensionPoint.id).toBe(
      'innersource.scorecard-checks',
    );
  });

  it('carries checks and fields from a module to the innersource plugin before the plugin starts', async () => {
    const received: {
      checks: ScorecardCheckDefinition[];
      fields: string[];
    } = { checks: [], fields: [] };
    const initialized = jest.fn();

    // A stand-in for the InnerSource backend plugin: it collects what modules add.
    const plugin = createBackendPlugin({
      pluginId: 'innersource',
      register(env) {
        const extension: InnerSourceScorecardChecksExtensionPoint = {
          addChecks: (...checks) => received.checks.push(...checks),
          addEntityFields: (...fields) => received.fields.push(...fields),
        };
        env.registerExtensionPoint(
          innersourceScorecardChecksExtensionPoint,
          extension,
        );
        env.registerInit({
          deps: {},
          async init() {
            initialized(
              received.checks.map(c => c.id),
              [...received.fields],
            );
          },
        });
      },
    });

    const module = createBackendModule({
      pluginId: 'innersource',
      moduleId: 'on-call-check',
      register(reg) {
        reg.registerInit({
          deps: { checks: innersourceScorecardChecksExtensionPoint },
          async init({ checks }) {
            checks.addChecks(onCall);
            checks.addEntityFields('spec.profile');
          },
        });
      },
    });

    await startTestBackend({ features: [plugin, module] });

    expect(initialized).toHaveBeenCalledWith(['on-call'], ['spec.profile']);
    expect(received.checks[0]).toBe(onCall);
  });
});
