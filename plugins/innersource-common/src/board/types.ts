import {
  ContributionType,
  HelpWantedAsk,
  InnerSourceChat,
  InnerSourceDuration,
  InnerSourceLink,
} from '../annotations/types';
import { BoardCodeHostFacts } from '../codehost/types';

/**
 * The help-wanted board's API types, shared by innersource-backend (which serves
 * them) and the frontend plugin (which reads them).
 */

/**
 * What the board keeps of one entity with `innersource/contributions-wanted: true`:
 * the catalog fields it shows and the parser's reading of the annotations.
 *
 * @public
 */
export type BoardEntry = {
  /** Full, lower-case entity ref, e.g. `component:default/payments-gateway`. */
  entityRef: string;
  /** Kind, namespace and name as the catalog spells them. */
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  description?: string;
  /** Full entity refs, resolved like the catalog resolves `spec.owner` / `spec.system`. */
  owner?: string;
  system?: string;
  /** The domain of the entity's system (or of the System entity itself). */
  domain?: string;
  tags: string[];
  /** All asks as written; whether they still count is judged when the board is read. */
  asks: HelpWantedAsk[];
  /** `YYYY-MM-DD`: the asks are valid through this day (UTC). */
  asksValidUntil?: string;
  skills: string[];
  contributionTypes: ContributionType[];
  trustedCommitters: string[];
  /** A repository path is resolved to a URL when the source location allows it. */
  contributing?: InnerSourceLink;
  chat?: InnerSourceChat;
  responseTime?: InnerSourceDuration;
};

/**
 * One entity as `GET /board` returns it: expired asks are left out, and
 * `asksExpired` says so.
 *
 * @public
 */
export type BoardItem = BoardEntry & {
  asksExpired: boolean;
  /** ISO 8601 time. */
  asksUpdatedAt: string;
  /** ISO 8601 time. */
  updatedAt: string;
  /** Live issues and activity from the code host, when a provider reported them (fresh enough to count). */
  codeHost?: BoardCodeHostFacts;
};

/** @public */
export type BoardSort =
  | 'relevance'
  | 'newest'
  | 'most-asks'
  | 'most-issues'
  | 'most-active';

/** The sorts, the first one being the default. @public */
export const BOARD_SORTS: readonly BoardSort[] = [
  'relevance',
  'newest',
  'most-asks',
  'most-issues',
  'most-active',
];

/**
 * The query parameters of `GET /board` (and of the board page's URL), by what
 * they carry. Lists repeat a parameter: `skill=kotlin&skill=java`.
 *
 * @public
 */
export const BOARD_QUERY_PARAMETERS = {
  text: 'q',
  skills: 'skill',
  contributionTypes: 'type',
  owner: 'owner',
  system: 'system',
  domain: 'domain',
  tags: 'tag',
  /** `issues=true`: only items with open good-first issues on the code host. */
  hasIssues: 'issues',
  sort: 'sort',
  limit: 'limit',
  cursor: 'cursor',
  format: 'format',
} as const;

/** The page size of `GET /board` when no `limit` is given. @public */
export const DEFAULT_BOARD_PAGE_SIZE = 20;

/** The largest `limit` that `GET /board` accepts. @public */
export const MAX_BOARD_PAGE_SIZE = 100;

/** The formats `GET /board?format=` exports in. @public */
export type BoardExportFormat = 'csv' | 'json';

/** @public */
export type BoardFacetValue = { value: string; count: number };

/** @public */
export type BoardFacets = {
  skills: BoardFacetValue[];
  contributionTypes: BoardFacetValue[];
  owners: BoardFacetValue[];
  systems: BoardFacetValue[];
  domains: BoardFacetValue[];
  tags: BoardFacetValue[];
};

/**
 * The body of `GET /board`.
 *
 * @public
 */
export type BoardPage = {
  items: BoardItem[];
  totalItems: number;
  nextCursor?: string;
  facets: BoardFacets;
  /**
   * How many matching items have open issues on the code host, counted like a
   * facet: with the `issues` filter itself left out. Absent when no item has
   * code-host facts.
   */
  itemsWithIssues?: number;
};
