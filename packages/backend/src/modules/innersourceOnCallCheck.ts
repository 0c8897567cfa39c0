import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  innersourceScorecardChecksExtensionPoint,
  ScorecardCheckDefinition,
} from '@innersource/backstage-plugin-innersource-node';

/** Annotations that name an on-call rotation, by the plugin that reads them. */
export const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'opsgenie.com/team',
];

/**
 * "On-call documented": a custom scorecard check of this Backstage, to show
 * how an organisation adds its own. Contributors need to know who answers
 * when what they changed breaks in production.
 *
 * It sits in the Gold level ("collaborative": outside contributors get timely
 * answers), next to the default Gold checks that the GitHub module's facts
 * decide.
 */
export const onCallCheck: ScorecardCheckDefinition = {
  id: 'on-call',
  title: 'On-call documented',
  level: 'gold',
  weight: 1,
  needs: 'annotations',
  description:
    'The entity names its on-call rotation (a pagerduty.com/service-id or opsgenie.com/team annotation), ' +
    'so that contributors know who answers when a change breaks in production.',
  remediation:
    'Add pagerduty.com/service-id with the PagerDuty service, or opsgenie.com/team with the Opsgenie team.',
  evaluate({ entity }) {
    const annotations = entity.metadata?.annotations ?? {};
    for (const key of ON_CALL_ANNOTATIONS) {
      const value = annotations[key];
      if (typeof value === 'string' && value.trim() !== '') {
        return { status: 'pass', evidence: `${key} is set` };
      }
    }
    return {
      status: 'fail',
      evidence: `no ${ON_CALL_ANNOTATIONS.join(' or ')} annotation`,
    };
  },
};

/** Adds {@link onCallCheck} to the InnerSource scorecards. */
export const innersourceOnCallCheckModule = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'on-call-check',
  register(reg) {
    reg.registerInit({
      deps: { checks: innersourceScorecardChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(onCallCheck);
      },
    });
  },
});

export default innersourceOnCallCheckModule;
