import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  InnerSourceBadgeKind,
  InnerSourceBadgeLinks,
  INNERSOURCE_BADGE_KINDS,
} from '@innersource/backstage-plugin-innersource-common';
import { createHash } from 'node:crypto';
import { lowerCase } from '../lib/lowerCase';
import { BadgeConfig } from './badgeConfig';
import {
  BadgeFacts,
  badgeJson,
  badgeText,
  BoardEntries,
  ScorecardSummaries,
  ShownBadge,
} from './badgeData';
import { DatabaseBadgeIdStore } from './DatabaseBadgeIdStore';
import { renderBadgeSvg } from './renderBadgeSvg';

/** A badge ready to send: the bodies and their strong ETags. */
export type RenderedBadge = {
  svg: Buffer;
  svgEtag: string;
  json: Buffer;
  jsonEtag: string;
};

/** How long a caller's read permission of an entity is trusted. */
export const DEFAULT_READABLE_MAX_AGE_MS = 30_000;
/** Rendered badges kept; there are few distinct ones (texts are counts, levels, states). */
const MAX_RENDERED = 2_000;
/** (caller, entity) read permissions kept. */
const MAX_READABLE = 10_000;

/** A strong ETag of a body: its content hash. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256')
    .update(body)
    .digest('base64url')
    .slice(0, 27)}"`;
}

/** Renders a badge's SVG and JSON bodies. */
export function renderBadge(
  badge: InnerSourceBadgeKind,
  shown: ShownBadge,
): RenderedBadge {
  const svg = Buffer.from(renderBadgeSvg(shown), 'utf8');
  const json = Buffer.from(JSON.stringify(badgeJson(badge, shown)), 'utf8');
  return { svg, svgEtag: etagOf(svg), json, jsonEtag: etagOf(json) };
}

/** The lower-case full ref the board and the scorecards key entities by. */
export function badgeEntityRef(ref: CompoundEntityRef): string {
  return lowerCase(stringifyEntityRef(ref));
}

export type EntityBadgesOptions = {
  board: BoardEntries;
  scorecards: ScorecardSummaries;
  ids: DatabaseBadgeIdStore;
  catalog: CatalogService;
  auth: AuthService;
  config: BadgeConfig;
  /** Where `/api/innersource` is reached from outside, without a trailing slash. */
  externalBaseUrl: () => Promise<string>;
  /** `app.baseUrl`; read when links are asked for. */
  appBaseUrl: () => string;
  readableMaxAgeMs?: number;
  clock?: () => number;
};

/**
 * The badges of entities, served from memory (the board and the stored
 * scorecards): no catalog call for anonymous requests. Rendered bodies are kept
 * by what they show, so a change of facts simply selects another body.
 */
export class EntityBadges {
  private readonly rendered = new Map<string, RenderedBadge>();
  private readonly readable = new Map<
    string,
    { readable: boolean; at: number }
  >();

  constructor(private readonly options: EntityBadgesOptions) {}

  get obfuscated(): boolean {
    return this.options.config.obfuscate;
  }

  get cacheMaxAgeSeconds(): number {
    return this.options.config.cacheMaxAgeSeconds;
  }

  /**
   * A badge by entity ref, or undefined when it is not found: the entity is
   * neither on the board nor scored, or the caller (when not anonymous) may not
   * read it.
   */
  async badge(
    entityRef: string,
    badge: InnerSourceBadgeKind,
    credentials: BackstageCredentials,
  ): Promise<RenderedBadge | undefined> {
    const shown = badgeText(badge, await this.factsOf(entityRef));
    if (!shown) {
      return undefined;
    }
    if (!(await this.mayRead(entityRef, credentials))) {
      return undefined;
    }
    const key = [
      badge,
      shown.label,
      shown.message,
      shown.color,
      shown.counts?.asks,
      shown.counts?.issues,
    ].join('\u0000');
    let rendered = this.rendered.get(key);
    if (!rendered) {
      rendered = renderBadge(badge, shown);
      if (this.rendered.size >= MAX_RENDERED) {
        this.rendered.delete(this.rendered.keys().next().value!);
      }
      this.rendered.set(key, rendered);
    }
    return rendered;
  }

  /** A badge by opaque id; undefined for an id never handed out. */
  async badgeById(
    badgeId: string,
    badge: InnerSourceBadgeKind,
    credentials: BackstageCredentials,
  ): Promise<RenderedBadge | undefined> {
    const entityRef = await this.options.ids.entityRefOf(badgeId);
    return entityRef ? this.badge(entityRef, badge, credentials) : undefined;
  }

  /**
   * The public URLs of an entity's badges, for a caller who may read it; an
   * entity they may not read is not found, exactly like one that does not exist.
   */
  async links(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<InnerSourceBadgeLinks> {
    const entityRef = badgeEntityRef(ref);
    const notFound = new NotFoundError(`No badges for ${entityRef}`);
    const facts = await this.factsOf(entityRef);
    if (!facts.boardItem && !facts.summary) {
      throw notFound;
    }
    const {
      items: [entity],
    } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: [entityRef],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    if (!entity) {
      throw notFound;
    }
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const namespace = entity.metadata.namespace ?? 'default';
    const name = entity.metadata.name;
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');

    const base = `${trimSlash(await this.options.externalBaseUrl())}/badges`;
    const prefix = this.obfuscated
      ? `${base}/id/${await this.options.ids.idOf(entityRef)}`
      : `${base}/${path}`;

    return {
      obfuscated: this.obfuscated,
      badges: INNERSOURCE_BADGE_KINDS.flatMap(badge => {
        const shown = badgeText(badge, facts);
        return shown
          ? [
              {
                badge,
                url: `${prefix}/${badge}`,
                data: badgeJson(badge, shown),
              },
            ]
          : [];
      }),
      entityUrl: `${trimSlash(this.options.appBaseUrl())}/catalog/${[
        namespace,
        kind,
        name,
      ]
        .map(encodeURIComponent)
        .join('/')}`,
    };
  }

  private async factsOf(entityRef: string): Promise<BadgeFacts> {
    const [boardItem, summary, codeHost] = await Promise.all([
      this.options.board.boardItemOf(entityRef),
      this.options.scorecards.summaryOf(entityRef),
      this.options.scorecards.codeHostFactsOf(entityRef),
    ]);
    return { boardItem, summary, codeHost };
  }

  /**
   * Anonymous callers see every badge (README images cannot send tokens). A
   * caller who sends credentials sees only what the catalog lets them read.
   */
  private async mayRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const { auth, catalog } = this.options;
    let caller: string;
    if (auth.isPrincipal(credentials, 'user')) {
      caller = `user:${credentials.principal.userEntityRef}`;
    } else if (auth.isPrincipal(credentials, 'service')) {
      caller = `service:${credentials.principal.subject}`;
    } else {
      return true;
    }
    const key = `${caller}\u0000${entityRef}`;
    const now = (this.options.clock ?? Date.now)();
    const maxAge = this.options.readableMaxAgeMs ?? DEFAULT_READABLE_MAX_AGE_MS;
    const known = this.readable.get(key);
    if (known && now - known.at < maxAge) {
      return known.readable;
    }
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ['kind'] },
      { credentials },
    );
    const readable = Boolean(items[0]);
    this.readable.delete(key);
    if (this.readable.size >= MAX_READABLE) {
      this.readable.delete(this.readable.keys().next().value!);
    }
    this.readable.set(key, { readable, at: now });
    return readable;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
