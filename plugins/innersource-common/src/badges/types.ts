/**
 * The badge API types, shared by innersource-backend (which serves the badges)
 * and the frontend plugin (which shows the chip and the README dialog).
 */

/**
 * The badges `GET /badges/...` serves:
 * - `contributions`: "contributions: welcome" / "closed" / "stale";
 * - `level`: the scorecard level held, e.g. "innersource: gold";
 * - `score`: the scorecard score, 0–100;
 * - `help-wanted`: the count of open asks and of open issues with the
 *   entity's issue labels on the code host, e.g. "3 asks, 2 issues".
 *
 * @public
 */
export type InnerSourceBadgeKind =
  | 'contributions'
  | 'level'
  | 'score'
  | 'help-wanted';

/** All badges, in the order the dialog shows them. @public */
export const INNERSOURCE_BADGE_KINDS: readonly InnerSourceBadgeKind[] = [
  'contributions',
  'level',
  'score',
  'help-wanted',
];

/**
 * The body of `GET /badges/...?format=json`: what the SVG shows.
 *
 * @public
 */
export type InnerSourceBadge = {
  badge: InnerSourceBadgeKind;
  /** Left-hand text, e.g. `contributions`. */
  label: string;
  /** Right-hand text, e.g. `welcome`. */
  message: string;
  /** A color of the fixed palette, as `#rrggbb`. */
  color: string;
  /**
   * `help-wanted` only: the numbers behind the message. `issues` is null
   * when no code host reported the entity's issues (fresh enough to count).
   */
  counts?: { asks: number; issues: number | null };
};

/**
 * The body of `GET /badges/links/:kind/:namespace/:name` (authenticated):
 * the public URLs of the entity's badges for a signed-in user who may read it.
 * With obfuscation on, the URLs use the entity's opaque id.
 *
 * @public
 */
export type InnerSourceBadgeLinks = {
  obfuscated: boolean;
  badges: Array<{
    badge: InnerSourceBadgeKind;
    /** Absolute URL of the SVG, for README images. */
    url: string;
    /** The badge's current data, for the preview's alt text. */
    data: InnerSourceBadge;
  }>;
  /** Where the badge should link to: the entity's page in Backstage. */
  entityUrl: string;
};
