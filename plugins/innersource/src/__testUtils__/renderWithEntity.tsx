import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { InnerSourceApi, innerSourceApiRef } from '../api';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';

type ConfigData = NonNullable<Parameters<typeof mockApis.config>[0]>['data'];

/**
 * An InnerSource API that has scored nothing yet, for tests of entity views
 * that are not about the scorecard.
 */
const notScoredInnerSourceApi: Partial<InnerSourceApi> = {
  getScorecardChecks: async () => ({ checks: [], levels: [] }),
  getEntityScorecard: async () => undefined,
  getScorecardHistory: async entityRef => ({ entityRef, points: [] }),
};

/** Renders the element inside an app with the entity in context, as on an entity page. */
export function renderWithEntity(
  element: ReactElement,
  entity: Entity,
  options: {
    config?: ConfigData;
    withScmIntegrations?: boolean;
    /** Default: an API that has scored nothing yet. */
    innerSourceApi?: InnerSourceApi;
    /** Whether permission checks allow; default true. */
    allowed?: boolean;
  } = {},
) {
  const config = mockApis.config({ data: options.config ?? {} });
  const apis: [any, any][] = [
    [configApiRef, config],
    [innerSourceApiRef, options.innerSourceApi ?? notScoredInnerSourceApi],
    [
      permissionApiRef,
      mockApis.permission({
        authorize:
          options.allowed === false
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
    ],
  ];
  if (options.withScmIntegrations ?? true) {
    apis.push([scmIntegrationsApiRef, ScmIntegrationsApi.fromConfig(config)]);
  }
  return renderInTestApp(
    <TestApiProvider apis={apis}>
      {/* usePermission caches answers in swr; a fresh cache per render keeps tests apart. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={entity}>{element}</EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/**
 * Asserts that nothing the annotations said became markup or a script link: no
 * element a value could have smuggled in, no inline handler, and every href either
 * http(s) or app-relative.
 */
export function expectNoInjectedMarkup(container: HTMLElement) {
  expect(
    container.querySelectorAll('img, script, iframe, object, embed, b'),
  ).toHaveLength(0);
  for (const element of Array.from(container.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name).not.toMatch(/^on/i);
    }
  }
  for (const anchor of Array.from(container.querySelectorAll('a[href]'))) {
    expect(anchor.getAttribute('href')).toMatch(/^(https?:\/\/|\/(?!\/))/);
  }
}
