import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Recomputing one entity's scorecard on demand
 * (`POST /scorecards/:kind/:namespace/:name/refresh`). The caller must also be
 * able to read the entity in the catalog.
 *
 * @public
 */
export const innersourceScorecardRefreshPermission = createPermission({
  name: 'innersource.scorecard.refresh',
  attributes: { action: 'update' },
});

/**
 * Every permission of the InnerSource plugins, for registration with the
 * permission framework and for policies that list them.
 *
 * @public
 */
export const innersourcePermissions = [innersourceScorecardRefreshPermission];
