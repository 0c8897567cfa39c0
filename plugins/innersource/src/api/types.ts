import {
  BoardSort,
  ContributionType,
} from '@innersource/backstage-plugin-innersource-common';

// The API's response types live in innersource-common, shared with the backend.
export type {
  BoardExportFormat,
  BoardFacetValue,
  BoardFacets,
  BoardItem,
  BoardPage,
  BoardSort,
} from '@innersource/backstage-plugin-innersource-common';
export { BOARD_SORTS } from '@innersource/backstage-plugin-innersource-common';

/**
 * A board query. Lists are OR within themselves and AND with each other; absent
 * fields do not filter. `boardQueryToSearchParams` gives the query string the
 * backend reads.
 *
 * @public
 */
export type BoardQuery = {
  /** Free text (`q`). */
  text?: string;
  /** Skills (`skill`, repeatable). */
  skills?: string[];
  /** Contribution types (`type`, repeatable). */
  contributionTypes?: ContributionType[];
  /** Entity ref of the owning group or user (`owner`). */
  owner?: string;
  /** Entity ref of the system (`system`). */
  system?: string;
  /** Entity ref of the domain (`domain`). */
  domain?: string;
  /** Catalog tags (`tag`, repeatable). */
  tags?: string[];
  /** Only projects with open good-first issues on the code host (`issues=true`). */
  hasIssues?: boolean;
  /** Order of the results (`sort`); the backend's default is `relevance`. */
  sort?: BoardSort;
  /** Page size, 1 to 100 (`limit`); the backend's default is 20. */
  limit?: number;
  /** The `nextCursor` of the previous page (`cursor`). */
  cursor?: string;
};

/**
 * What a user sends with "I want to help": one of the entity's current asks and
 * a plain-text message of at most {@link HELP_OFFER_MESSAGE_MAX_LENGTH} characters.
 *
 * @public
 */
export type HelpOffer = { ask?: string; message?: string };

/**
 * The answer to "I want to help": the entity ref of the owner that was notified.
 *
 * @public
 */
export type HelpOfferResult = { notified: string };

/**
 * The longest message of "I want to help".
 *
 * @public
 */
export const HELP_OFFER_MESSAGE_MAX_LENGTH = 1000;
