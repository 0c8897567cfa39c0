import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { HelpOffers, parseHelpOffer, TooManyRequestsError } from './HelpOffers';

/**
 * Adds the "I want to help" route to the plugin's router; described in
 * `src/schema/openapi.yaml`.
 */
export function helpOfferRoutes(
  router: express.Router,
  options: { httpAuth: HttpAuthService; helpOffers: HelpOffers },
) {
  const { httpAuth, helpOffers } = options;

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
}
