import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/innersource',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const innersourcePlugin = createFrontendPlugin({
  pluginId: 'innersource',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
