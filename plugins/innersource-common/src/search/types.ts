import { ContributionType } from '../annotations/types';

/**
 * The search document type of help-wanted asks, as the collator indexes them and
 * the frontend's search result item matches them.
 *
 * @public
 */
export const HELP_WANTED_SEARCH_TYPE = 'innersource-help-wanted';

/**
 * One current help-wanted ask in Backstage search: one document per ask, so a
 * search hit points at the ask itself and not only at the entity.
 *
 * @public
 */
export type HelpWantedSearchDocument = {
  /** The ask as written, without its `[type]` prefix. */
  title: string;
  /** The ask, the entity description and the skills, for full-text matching. */
  text: string;
  /**
   * The entity's InnerSource tab with a fragment per ask, e.g.
   * `/catalog/default/component/payments/innersource#ask-1`: search engines key
   * documents by location, so each ask needs its own.
   */
  location: string;
  /** Full, lower-case entity ref, e.g. `component:default/payments-gateway`. */
  entityRef: string;
  /** `metadata.title`, else `metadata.name`. */
  entityTitle: string;
  /** Full entity ref of `spec.owner`, when it has one. */
  owner?: string;
  /** The `[type]` the ask starts with, when it has one. */
  askType?: ContributionType;
  skills: string[];
  contributionTypes: ContributionType[];
};
