import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ScorecardCheckDefinition } from '@innersource/backstage-plugin-innersource-common';

/**
 * Adds scorecard checks to the InnerSource backend plugin, from a backend
 * module of the `innersource` plugin.
 *
 * @public
 */
export interface InnerSourceScorecardChecksExtensionPoint {
  /**
   * Adds checks after the default ones, in the order given. Each check is
   * scored like a default check: it belongs to a level (`level`, which must
   * be one of the configured levels), counts with its `weight`, can be
   * configured under `innersource.scorecards.checks.<id>` and exempted with
   * `innersource/scorecard-exempt`.
   *
   * `evaluate` must be pure and quick: it gets the entity and the facts the
   * plugin gathered (`needs: 'catalog'` gets `input.catalog`), and returns
   * `not-reported` for any fact it lacks. A check that throws is reported as
   * `not-reported` for that entity. The plugin refuses to start when an id is
   * taken (by a default check or another module) or a weight is not positive.
   */
  addChecks(...checks: ScorecardCheckDefinition[]): void;

  /**
   * Entity fields that the added checks read beyond those the default checks
   * read (`kind`, `metadata` and `spec.owner`, `spec.lifecycle`, `spec.type`,
   * `spec.system`), in the catalog's field syntax, e.g. `spec.profile`. The
   * scheduled scoring asks the catalog only for these fields.
   */
  addEntityFields(...fields: string[]): void;
}

/**
 * The extension point to add scorecard checks to the InnerSource backend
 * plugin.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'innersource',
 *   moduleId: 'my-checks',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { checks: innersourceScorecardChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addChecks(myCheck);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const innersourceScorecardChecksExtensionPoint =
  createExtensionPoint<InnerSourceScorecardChecksExtensionPoint>({
    id: 'innersource.scorecard-checks',
  });
