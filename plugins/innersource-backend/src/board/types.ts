import {
  BoardEntry,
  BoardSort,
  ContributionType,
} from '@innersource/backstage-plugin-innersource-common';

export type {
  BoardEntry,
  BoardExportFormat,
  BoardFacetValue,
  BoardFacets,
  BoardItem,
  BoardPage,
  BoardSort,
} from '@innersource/backstage-plugin-innersource-common';
export { BOARD_SORTS } from '@innersource/backstage-plugin-innersource-common';

/**
 * A board entry as stored, with the times the store keeps for it.
 *
 * @public
 */
export type StoredBoardEntry = BoardEntry & {
  /** When the asks or their end date last changed (or the entity joined the board). */
  asksUpdatedAt: Date;
  /** When anything of the entry last changed. */
  updatedAt: Date;
};

/**
 * A board query, as read from the query string: every list is OR within itself
 * and AND with the others.
 *
 * @public
 */
export type BoardQuery = {
  /** Free text; every word must occur in the title, description, asks or skills. */
  text: string;
  skills: string[];
  contributionTypes: ContributionType[];
  ownerRefs: string[];
  systemRefs: string[];
  domainRefs: string[];
  tags: string[];
  /** Only entries with open issues (with the entity's issue labels) on the code host. */
  hasIssues?: boolean;
  sort: BoardSort;
};
