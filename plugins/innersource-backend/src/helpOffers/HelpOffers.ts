import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  CustomErrorBase,
  ForwardedError,
  InputError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { boardEntryFromEntity } from '../board/boardEntryFromEntity';
import { InterestLimits, InterestStore } from './InterestStore';

/** The notification topic of "I want to help", for users' notification settings. */
export const HELP_OFFER_TOPIC = 'innersource-help-wanted';

/** The longest message a helper may write. */
export const HELP_OFFER_MESSAGE_MAX_LENGTH = 1_000;

/** What a helper sends: optionally one of the current asks and a message. */
export type HelpOffer = { ask?: string; message?: string };

/** An offer beyond the rate limits: answered 429 with `Retry-After`. */
export class TooManyRequestsError extends CustomErrorBase {
  readonly statusCode = 429;
  constructor(message: string, readonly retryAt: Date) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

// Control characters other than tab and line feed; the text stays plain text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** Reads and checks the JSON body of an offer; rejects anything else with 400. */
export function parseHelpOffer(body: unknown): HelpOffer {
  if (body === undefined || body === null || body === '') {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter(
    key => key !== 'ask' && key !== 'message',
  );
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown field "${unknown[0]}" in the request body: give "ask" and "message" only`,
    );
  }
  const offer: HelpOffer = {};
  for (const key of ['ask', 'message'] as const) {
    const value = fields[key];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value !== 'string') {
      throw new InputError(`Invalid "${key}": must be a string`);
    }
    const text = plainText(value);
    if (text !== '') {
      offer[key] = text;
    }
  }
  if (
    offer.message !== undefined &&
    offer.message.length > HELP_OFFER_MESSAGE_MAX_LENGTH
  ) {
    throw new InputError(
      `Invalid "message": at most ${HELP_OFFER_MESSAGE_MAX_LENGTH} characters, got ${offer.message.length}`,
    );
  }
  return offer;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function displayNameOf(user: Entity | undefined, userRef: string): string {
  const profile = user?.spec?.profile as { displayName?: unknown } | undefined;
  const name =
    typeof profile?.displayName === 'string'
      ? plainText(profile.displayName)
      : '';
  return name || userRef;
}

export type HelpOffersOptions = {
  catalog: CatalogService;
  notifications: NotificationService;
  store: InterestStore;
  limits: InterestLimits;
  logger: LoggerService;
  clock?: () => Date;
};

/**
 * "I want to help": tells the owners of an entity on the help-wanted board, by a
 * Backstage notification, that a user offers help, within the rate limits.
 */
export class HelpOffers {
  constructor(private readonly options: HelpOffersOptions) {}

  /**
   * Sends the offer of the calling user. The entity is read with the caller's
   * credentials: one they cannot read is not found, whether or not it exists.
   * Returns the owner ref that was notified.
   */
  async offer(
    ref: CompoundEntityRef,
    offer: HelpOffer,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ notified: string }> {
    const { catalog, notifications, store, limits, logger } = this.options;
    const now = this.options.clock?.() ?? new Date();
    const userRef = credentials.principal.userEntityRef;

    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)} found`);
    }
    const entry = boardEntryFromEntity(entity);
    if (!entry) {
      throw new ConflictError(
        `${stringifyEntityRef(entity)} does not want contributions`,
      );
    }
    const expired =
      entry.asksValidUntil !== undefined && entry.asksValidUntil < utcDay(now);
    const asks = expired ? [] : entry.asks;
    if (offer.ask !== undefined && !asks.some(a => a.text === offer.ask)) {
      throw new InputError(
        `Invalid "ask": not one of the current asks of ${entry.entityRef}`,
      );
    }
    if (!entry.owner) {
      throw new ConflictError(`${entry.entityRef} has no owner to notify`);
    }

    const recorded = await store.recordInterest({
      userRef,
      entityRef: entry.entityRef,
      now,
      limits,
    });
    if (!recorded.recorded) {
      throw new TooManyRequestsError(
        `You have offered help too often; try again after ${recorded.retryAt.toISOString()}`,
        recorded.retryAt,
      );
    }

    const user = await catalog
      .getEntityByRef(userRef, { credentials })
      .catch(() => undefined);
    const who = displayNameOf(user, userRef);
    const title = entry.title ?? entry.name;
    const description = [
      `${who} (${userRef}) offers help with ${title}.`,
      offer.ask ? `Ask: ${offer.ask}` : undefined,
      offer.message ? `Message: ${offer.message}` : undefined,
    ]
      .filter(Boolean)
      .join('\n\n');
    const link = `/catalog/${[
      entry.namespace,
      entry.kind.toLocaleLowerCase('en-US'),
      entry.name,
    ]
      .map(encodeURIComponent)
      .join('/')}`;

    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: entry.owner },
        payload: {
          title: `${who} wants to help with ${title}`,
          description,
          link,
          severity: 'normal',
          topic: HELP_OFFER_TOPIC,
        },
      });
    } catch (error) {
      // An offer that reached no one does not count against the limits.
      await store.deleteInterest(recorded.id).catch(e => {
        logger.warn(`Could not forget an unsent help offer: ${e}`);
      });
      throw new ForwardedError('The owners could not be notified', error);
    }
    return { notified: entry.owner };
  }
}
