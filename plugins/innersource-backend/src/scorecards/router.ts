import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { parseScorecardOverviewRequest } from './parseScorecardRequest';
import { Scorecards } from './Scorecards';

/**
 * Adds the scorecard routes to the plugin's router; described in
 * `src/schema/openapi.yaml`. Every route needs a user or service token, and
 * nothing is shown of an entity the caller may not read. Answers depend on
 * who asks, so they are never kept by shared caches.
 */
export function scorecardRoutes(
  router: express.Router,
  options: { httpAuth: HttpAuthService; scorecards: Scorecards },
) {
  const { httpAuth, scorecards } = options;
  const credentialsOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/checks', async (req, res) => {
    await credentialsOf(req);
    res.json(scorecards.checks());
  });

  router.get('/scorecards', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parseScorecardOverviewRequest(
      req.query,
      scorecards.levelIds(),
    );
    res.set('Cache-Control', 'private, no-store');
    res.json(await scorecards.overview(query, credentials));
  });

  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { kind, namespace, name } = req.params;
    res.set('Cache-Control', 'private, no-store');
    res.json(
      await scorecards.scorecard({ kind, namespace, name }, credentials),
    );
  });

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { kind, namespace, name } = req.params;
    res.set('Cache-Control', 'private, no-store');
    res.json(await scorecards.history({ kind, namespace, name }, credentials));
  });

  router.post(
    '/scorecards/:kind/:namespace/:name/refresh',
    async (req, res) => {
      const credentials = await credentialsOf(req);
      const { kind, namespace, name } = req.params;
      res.json(
        await scorecards.refreshEntity({ kind, namespace, name }, credentials),
      );
    },
  );
}
