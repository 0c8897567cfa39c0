import { mockServices } from '@backstage/backend-test-utils';
import { openApiDocument } from '../__testUtils__/openApi';
import { EntityBadges } from '../badges/EntityBadges';
import { HelpWantedBoard } from '../board/HelpWantedBoard';
import { HelpOffers } from '../helpOffers/HelpOffers';
import { createRouter } from '../router';
import { Scorecards } from '../scorecards/Scorecards';

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
};

/** `METHOD /path/{param}` of every route the router serves. */
async function servedRoutes(): Promise<string[]> {
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    board: {} as HelpWantedBoard,
    helpOffers: {} as HelpOffers,
    badges: {} as EntityBadges,
    scorecards: {} as Scorecards,
  });
  return (router.stack as Layer[]).flatMap(layer =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          method =>
            `${method.toUpperCase()} ${layer.route!.path.replace(
              /:(\w+)/g,
              '{$1}',
            )}`,
        )
      : [],
  );
}

function documentedRoutes(): string[] {
  return Object.entries(
    openApiDocument.paths as Record<string, Record<string, unknown>>,
  ).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter(key =>
        ['get', 'put', 'post', 'delete', 'patch', 'head'].includes(key),
      )
      .map(method => `${method.toUpperCase()} ${path}`),
  );
}

describe('the OpenAPI document', () => {
  it('describes every route the router serves, and no other', async () => {
    const served = await servedRoutes();
    expect(served.length).toBeGreaterThan(0);
    expect(documentedRoutes().sort()).toEqual(served.sort());
  });

  it('names every path parameter of a route', () => {
    for (const [path, operations] of Object.entries(
      openApiDocument.paths as Record<
        string,
        Record<string, { parameters?: Array<{ name: string; in: string }> }>
      >,
    )) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(match => match[1]);
      for (const operation of Object.values(operations)) {
        const declared = (operation.parameters ?? [])
          .filter(parameter => parameter.in === 'path')
          .map(parameter => parameter.name);
        expect(declared).toEqual(inPath);
      }
    }
  });

  it('documents every query parameter that GET /board reads', () => {
    const documented = openApiDocument.paths['/board'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect(documented.sort()).toEqual(
      [
        'q',
        'skill',
        'type',
        'owner',
        'system',
        'domain',
        'tag',
        'issues',
        'sort',
        'limit',
        'cursor',
        'format',
      ].sort(),
    );
  });
});
