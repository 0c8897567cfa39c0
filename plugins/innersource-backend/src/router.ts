import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { addBadgeRoutes } from './badges/badgeRoutes';
import { EntityBadges } from './badges/EntityBadges';
import { HelpWantedBoard } from './board/HelpWantedBoard';
import { boardRoutes } from './board/router';
import { HelpOffers } from './helpOffers/HelpOffers';
import { helpOfferRoutes } from './helpOffers/router';
import { scorecardRoutes } from './scorecards/router';
import { Scorecards } from './scorecards/Scorecards';

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
  const { httpAuth } = options;
  const router = Router();

  addBadgeRoutes(router, { httpAuth, badges: options.badges });
  scorecardRoutes(router, { httpAuth, scorecards: options.scorecards });
  boardRoutes(router, { httpAuth, board: options.board });
  helpOfferRoutes(router, { httpAuth, helpOffers: options.helpOffers });

  return router;
}
