import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { InnerSourceBadgeKind } from '@innersource/backstage-plugin-innersource-common';
import express from 'express';
import { lowerCase } from '../lib/lowerCase';
import { isBadgeKind, NOT_FOUND_BADGE } from './badgeData';
import { badgeEntityRef, EntityBadges, RenderedBadge } from './EntityBadges';
import { renderBadgeSvg } from './renderBadgeSvg';

export type BadgeRoutesOptions = {
  httpAuth: HttpAuthService;
  badges: EntityBadges;
};

/** 404s are kept by caches for at most this long, so a new badge shows up soon. */
const NOT_FOUND_MAX_AGE_SECONDS = 60;

const SVG_TYPE = 'image/svg+xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** Nothing in a badge may run or load anything; inline styles are not used either. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; frame-ancestors *; sandbox";

// One answer for every badge that is not found, whatever the reason (unknown
// entity or id, an entity the caller may not read, the name route while ids are
// obfuscated): built once, so the bytes cannot differ.
const NOT_FOUND_SVG = Buffer.from(renderBadgeSvg(NOT_FOUND_BADGE), 'utf8');
const NOT_FOUND_JSON = Buffer.from(
  JSON.stringify({
    error: { name: 'NotFoundError', message: 'Badge not found' },
    response: { statusCode: 404 },
  }),
  'utf8',
);

type BadgeFormat = 'svg' | 'json';

/** The badge and format a request asks for; an unknown badge is not found. */
function readBadgeRequest(req: express.Request): {
  badge?: InnerSourceBadgeKind;
  format: BadgeFormat;
} {
  const segment = req.params.badge;
  const hasSvgSuffix = segment.endsWith('.svg');
  const name = hasSvgSuffix ? segment.slice(0, -'.svg'.length) : segment;
  const badge = isBadgeKind(name) ? name : undefined;

  const { format } = req.query;
  if (format !== undefined) {
    if (format !== 'svg' && format !== 'json') {
      throw new InputError('Invalid format: give svg or json');
    }
    return { badge, format };
  }
  const accept = req.headers.accept;
  // What README images send: answered without content negotiation.
  if (hasSvgSuffix || !accept || accept === '*/*') {
    return { badge, format: 'svg' };
  }
  return {
    badge,
    format:
      req.accepts(['image/svg+xml', 'application/json']) === 'application/json'
        ? 'json'
        : 'svg',
  };
}

function matchesEtag(req: express.Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) {
    return false;
  }
  // If-None-Match compares weakly: W/"x" matches "x".
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => tag === '*' || tag === etag);
}

// Set with the plain Node.js API: Express's res.set parses content types on
// every call, and badges are served far more often than anything else.
function setCommonHeaders(
  res: express.Response,
  cacheControl: string,
  contentType: string,
) {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // README images are shown on other origins (code hosts, wikis).
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept');
}

/**
 * Adds the badge routes to the plugin's router: public SVG / JSON badges by
 * entity name or opaque id, and the links of an entity's badges for signed-in
 * users. `/badges` is open to unauthenticated requests (see plugin.ts), so the
 * links route demands a user itself.
 */
export function addBadgeRoutes(
  router: express.Router,
  options: BadgeRoutesOptions,
) {
  const { httpAuth, badges } = options;

  async function send(
    req: express.Request,
    res: express.Response,
    find: (
      badge: InnerSourceBadgeKind,
      credentials: BackstageCredentials,
    ) => Promise<RenderedBadge | undefined> | undefined,
  ) {
    const { badge, format } = readBadgeRequest(req);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service', 'none'],
    });
    // An answer for a caller with credentials depends on their permissions:
    // shared caches must not hand it to anyone else.
    const scope = credentials.principal.type === 'none' ? 'public' : 'private';
    const rendered = badge ? await find(badge, credentials) : undefined;
    const contentType = format === 'json' ? JSON_TYPE : SVG_TYPE;

    if (!rendered) {
      const body = format === 'json' ? NOT_FOUND_JSON : NOT_FOUND_SVG;
      setCommonHeaders(
        res,
        `${scope}, max-age=${Math.min(
          NOT_FOUND_MAX_AGE_SECONDS,
          badges.cacheMaxAgeSeconds,
        )}`,
        contentType,
      );
      res.statusCode = 404;
      res.setHeader('Content-Length', body.length);
      res.end(body);
      return;
    }

    const body = format === 'json' ? rendered.json : rendered.svg;
    const etag = format === 'json' ? rendered.jsonEtag : rendered.svgEtag;
    setCommonHeaders(
      res,
      `${scope}, max-age=${badges.cacheMaxAgeSeconds}`,
      contentType,
    );
    res.setHeader('ETag', etag);
    if (matchesEtag(req, etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Length', body.length);
    res.end(body);
  }

  // Before the name route, whose four segments it would otherwise match.
  router.get('/badges/links/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { kind, namespace, name } = req.params;
    res.set('Cache-Control', 'private, no-store');
    res.json(await badges.links({ kind, namespace, name }, credentials));
  });

  router.get('/badges/id/:uuid/:badge', async (req, res) => {
    const badgeId = lowerCase(req.params.uuid);
    await send(req, res, (badge, credentials) =>
      badges.badgeById(badgeId, badge, credentials),
    );
  });

  router.get('/badges/:kind/:namespace/:name/:badge', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const entityRef = badgeEntityRef({ kind, namespace, name });
    // With obfuscation on, names answer exactly like unknown entities.
    await send(req, res, (badge, credentials) =>
      badges.obfuscated
        ? undefined
        : badges.badge(entityRef, badge, credentials),
    );
  });
}
