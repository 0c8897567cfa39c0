import { createDevApp } from '@backstage/frontend-dev-utils';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import plugin from '../src';
import { completeEntity } from '../src/__testUtils__/entities';

// `yarn start` in this package: the tab and the card on a stand-in entity page for
// an entity with every annotation, without a catalog backend.
createDevApp({
  features: [
    plugin,
    createFrontendModule({
      pluginId: 'innersource',
      extensions: [createTestEntityPage({ entity: completeEntity })],
    }),
  ],
});
