import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { boardCsv } from './boardCsv';
import { boardPageJson } from './boardPageJson';
import { HelpWantedBoard } from './HelpWantedBoard';
import { parseBoardRequest } from './parseBoardRequest';

/**
 * Adds the board routes to the plugin's router; described in
 * `src/schema/openapi.yaml`. Every route needs a user or service token.
 */
export function boardRoutes(
  router: express.Router,
  options: { httpAuth: HttpAuthService; board: HelpWantedBoard },
) {
  const { httpAuth, board } = options;

  router.get('/board', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const request = parseBoardRequest(req.query);
    // Every answer depends on who asks: never kept by shared caches.
    res.set('Cache-Control', 'private, no-store');

    if (request.format) {
      const { items, totalItems } = await board.export(
        request.query,
        credentials,
      );
      res.set('X-Total-Count', String(totalItems));
      res.attachment(`help-wanted-board.${request.format}`);
      if (request.format === 'csv') {
        res.type('text/csv; charset=utf-8').send(boardCsv(items));
      } else {
        res.json({ items, totalItems });
      }
      return;
    }

    const page = await board.query(
      request.query,
      { limit: request.limit, after: request.after },
      credentials,
    );
    // Sent as is: Express would hash every body for an ETag, which a
    // personal, uncacheable answer does not use.
    const body = Buffer.from(boardPageJson(page), 'utf8');
    res.status(200).set({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
    });
    res.end(body);
  });

  router.post('/board/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(await board.refreshEntity({ kind, namespace, name }, credentials));
  });
}
