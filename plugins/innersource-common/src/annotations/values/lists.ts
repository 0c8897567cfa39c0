import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { ContributionType } from '../types';
import { contributionTypeFix, isContributionType } from './asks';
import { splitList, truncateText } from './text';

/** Longer lists are cut; skills and labels are filters, not documentation. @public */
export const MAX_LIST_ITEMS = 50;
/** Longer list items are cut (GitHub caps labels at 50 characters, skills are words). */
const MAX_LIST_ITEM_LENGTH = 100;

/**
 * Reads a comma list such as `innersource/skills`: items trimmed, empties
 * dropped, duplicates (ignoring case) dropped keeping the first spelling.
 */
export function readList(value: string, report: ProblemReporter): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  let total = 0;
  for (const written of splitList(value)) {
    const item = truncateText(written, MAX_LIST_ITEM_LENGTH);
    const key = item.toLocaleLowerCase('en-US');
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    total += 1;
    if (items.length < MAX_LIST_ITEMS) {
      items.push(item);
    }
  }
  if (total > MAX_LIST_ITEMS) {
    report.warning(
      `lists ${total} items, of which only the first ${MAX_LIST_ITEMS} are used`,
      'keep the list to what matters most',
    );
  }
  return items;
}

/** Reads `innersource/contribution-types`: a comma list of known types. */
export function readContributionTypes(
  value: string,
  report: ProblemReporter,
): ContributionType[] {
  const types: ContributionType[] = [];
  for (const written of splitList(value)) {
    const type = written.toLocaleLowerCase('en-US');
    if (isContributionType(type)) {
      if (!types.includes(type)) {
        types.push(type);
      }
    } else {
      report.error(
        `${quoteValue(written)} is not a contribution type`,
        contributionTypeFix(type, t => `"${t}"`),
      );
    }
  }
  return types;
}
