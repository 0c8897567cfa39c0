import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { addBadgeRoutes } from '../badges/badgeRoutes';
import { EntityBadges } from '../badges/EntityBadges';
import { scorecardRoutes } from '../scorecards/router';
import { Scorecards } from '../scorecards/Scorecards';
import { boardCsv } from './boardCsv';
import { boardPageJson } from './boardPageJson';
import { HelpOffers, parseHelpOffer, TooManyRequestsError } from './HelpOffers';
import { HelpWantedBoard } from './HelpWantedBoard';
import { parseBoardRequest } from './parseBoardRequest';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  board: HelpWantedBoard;
  helpOffers: HelpOffers;
  badges: EntityBadges;
  scorecards: Scorecards;
};

/**
 * The routes of the InnerSource API (mounted under `/api/innersource`); described
 * in `src/schema/openapi.yaml`. Errors are thrown and answered by the backend's
 * error handler in Backstage's error shape.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, board, helpOffers } = options;
  const router = Router();

  addBadgeRoutes(router, { httpAuth, badges: options.badges });
  scorecardRoutes(router, { httpAuth, scorecards: options.scorecards });

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

  router.post(
    '/board/:kind/:namespace/:name/interest',
    express.json({ limit: '16kb' }),
    async (req, res) => {
      // Only people offer help: a service token is answered with 403.
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const offer = parseHelpOffer(req.body);
      const { kind, namespace, name } = req.params;
      try {
        const result = await helpOffers.offer(
          { kind, namespace, name },
          offer,
          credentials,
        );
        res.status(202).json(result);
      } catch (error) {
        if (error instanceof TooManyRequestsError) {
          const seconds = Math.max(
            1,
            Math.ceil((error.retryAt.getTime() - Date.now()) / 1000),
          );
          res.set('Retry-After', String(seconds));
        }
        throw error;
      }
    },
  );

  return router;
}
