import { createHash } from 'crypto';
import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BoardVisibility } from '../board/BoardIndex';
import { REFS_PER_REQUEST } from './catalogRequests';

/** How long what a caller may read is trusted before the catalog is asked again. */
export const DEFAULT_READABLE_MAX_AGE_MS = 30_000;
/** Callers remembered at once; the least recently seen are forgotten first. */
export const DEFAULT_MAX_CALLERS = 1_000;
/** Catalog requests run at once for one caller. */
const CONCURRENT_REQUESTS = 4;

const UNKNOWN = 0;
const READABLE = 1;
const UNREADABLE = 2;

type CallerState = {
  /** By entity id: UNKNOWN, READABLE or UNREADABLE. */
  states: Uint8Array;
  since: number;
  pending?: Promise<void>;
  /** The last list of entities all known, to skip looking through it again. */
  complete?: ReadonlyArray<EntityOnBoard>;
  /** A digest of `states`, the same for callers who may read the same entities. */
  key?: string;
};

type EntityOnBoard = { id: number; entityRef: string };

/**
 * Which board entities a caller may read, as the catalog says when asked with the
 * caller's own credentials, so that the catalog's permission policy decides.
 *
 * Answers are kept in memory per caller (user or service) for a short time, one
 * byte per entity, so that a board request costs no catalog call; entities that
 * join the board are asked about when first seen. Kept in process rather than in
 * the cache service: the sets are large, short-lived and read on every request.
 */
export class ReadableEntities {
  private readonly callers = new Map<string, CallerState>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      maxAgeMs?: number;
      maxCallers?: number;
      clock?: () => number;
    },
  ) {}

  /** Says, by entity id, which of the entities the caller may read. */
  async visibility(
    entities: ReadonlyArray<EntityOnBoard>,
    credentials: BackstageCredentials,
  ): Promise<BoardVisibility> {
    const state = this.stateOf(credentials);
    while (state.complete !== entities) {
      if (state.pending) {
        await state.pending;
        continue;
      }
      const unknown = entities.filter(
        e => e.id >= state.states.length || state.states[e.id] === UNKNOWN,
      );
      if (unknown.length === 0) {
        state.complete = entities;
        break;
      }
      state.pending = this.ask(state, unknown, credentials).finally(() => {
        state.pending = undefined;
      });
    }
    const states = state.states;
    state.key ??= keyOf(states);
    return Object.assign((id: number) => states[id] === READABLE, {
      key: state.key,
    });
  }

  /** Records what is known without asking, e.g. after the caller read the entity. */
  remember(credentials: BackstageCredentials, id: number, readable: boolean) {
    const state = this.stateOf(credentials);
    grow(state, id);
    state.states[id] = readable ? READABLE : UNREADABLE;
    state.key = undefined;
  }

  private stateOf(credentials: BackstageCredentials): CallerState {
    const key = this.callerKey(credentials);
    const now = (this.options.clock ?? Date.now)();
    const maxAge = this.options.maxAgeMs ?? DEFAULT_READABLE_MAX_AGE_MS;
    let state = this.callers.get(key);
    if (state && !state.pending && now - state.since >= maxAge) {
      state = undefined;
    }
    // Re-inserting keeps the map in least-recently-used order.
    this.callers.delete(key);
    if (!state) {
      state = { states: new Uint8Array(0), since: now };
    }
    this.callers.set(key, state);
    const maxCallers = this.options.maxCallers ?? DEFAULT_MAX_CALLERS;
    while (this.callers.size > maxCallers) {
      this.callers.delete(this.callers.keys().next().value!);
    }
    return state;
  }

  private callerKey(credentials: BackstageCredentials): string {
    const { auth } = this.options;
    if (auth.isPrincipal(credentials, 'user')) {
      return `user:${credentials.principal.userEntityRef}`;
    }
    if (auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    throw new NotAllowedError('The board is only shown to users and services');
  }

  private async ask(
    state: CallerState,
    entities: EntityOnBoard[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const batches: EntityOnBoard[][] = [];
    for (let i = 0; i < entities.length; i += REFS_PER_REQUEST) {
      batches.push(entities.slice(i, i + REFS_PER_REQUEST));
    }
    const answers = new Map<EntityOnBoard, boolean>();
    const next = async (): Promise<void> => {
      const batch = batches.shift();
      if (!batch) {
        return;
      }
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: batch.map(e => e.entityRef),
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      batch.forEach((e, i) => answers.set(e, Boolean(items[i])));
      await next();
    };
    await Promise.all(
      Array.from(
        { length: Math.min(CONCURRENT_REQUESTS, batches.length) },
        next,
      ),
    );
    // Written only once all answers are in: a failed call leaves nothing half-known.
    for (const [e, readable] of answers) {
      grow(state, e.id);
      state.states[e.id] = readable ? READABLE : UNREADABLE;
    }
    state.key = undefined;
  }
}

/**
 * A digest of what is known, ignoring the unknown tail: the arrays of two
 * callers grow differently, but the same answers give the same key.
 */
function keyOf(states: Uint8Array): string {
  let end = states.length;
  while (end > 0 && states[end - 1] === UNKNOWN) {
    end--;
  }
  return createHash('sha256').update(states.subarray(0, end)).digest('base64');
}

function grow(state: CallerState, id: number) {
  if (id < state.states.length) {
    return;
  }
  const states = new Uint8Array(Math.max(64, Math.ceil((id + 1) * 1.5)));
  states.set(state.states);
  state.states = states;
}
