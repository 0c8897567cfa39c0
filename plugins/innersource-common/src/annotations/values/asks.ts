import { closestMatch } from '../closestMatch';
import { ProblemReporter } from '../problems';
import { quoteValue } from '../quoteValue';
import { CONTRIBUTION_TYPES, ContributionType, HelpWantedAsk } from '../types';
import { toDisplayText, truncateText } from './text';

/** Longer asks are cut; an ask is a one-line summary, not a specification. @public */
export const MAX_ASK_LENGTH = 500;
/** Asks beyond this number are dropped; nobody reads fifty asks. @public */
export const MAX_ASKS = 50;

// "[docs] Write a quickstart"; the type may be empty or unknown, which is reported.
const TYPED_ASK = /^\[([^\]]*)\]\s*(.*)$/s;
// A leading list bullet, as people write "- [docs] …" in a YAML block.
const BULLET = /^[-*•]\s+/;

/** Whether a value (as written, after lower-casing) is a contribution type. @public */
export function isContributionType(value: string): value is ContributionType {
  return (CONTRIBUTION_TYPES as readonly string[]).includes(value);
}

export function describeContributionTypes(): string {
  return CONTRIBUTION_TYPES.join(', ');
}

/** The fix for an unknown contribution type, with a "did you mean" when one is close. */
export function contributionTypeFix(
  unknown: string,
  format: (type: string) => string,
): string {
  const suggestion = closestMatch(unknown, CONTRIBUTION_TYPES);
  return suggestion
    ? `did you mean ${format(
        suggestion,
      )}? Allowed are ${describeContributionTypes()}`
    : `use one of ${describeContributionTypes()}`;
}

/**
 * Reads `innersource/help-wanted`: one ask per line or `;`-separated, each with an
 * optional `[type]` prefix. An ask with an unknown type is kept without a type.
 */
export function readAsks(
  value: string,
  report: ProblemReporter,
): HelpWantedAsk[] {
  const asks: HelpWantedAsk[] = [];
  let dropped = 0;
  for (const fragment of value.split(/\r\n|[\n\r\u2028\u2029;]/)) {
    const line = toDisplayText(fragment).replace(BULLET, '');
    if (line.length === 0) {
      continue;
    }
    const ask = readAsk(line, report);
    if (!ask) {
      continue;
    }
    if (asks.length >= MAX_ASKS) {
      dropped += 1;
      continue;
    }
    asks.push(ask);
  }
  if (dropped > 0) {
    report.warning(
      `has ${
        asks.length + dropped
      } asks, of which only the first ${MAX_ASKS} are shown`,
      'keep the list short: move the rest to issues labelled for newcomers',
    );
  }
  return asks;
}

function readAsk(
  line: string,
  report: ProblemReporter,
): HelpWantedAsk | undefined {
  const typed = TYPED_ASK.exec(line);
  let text = typed ? typed[2].trim() : line;
  let type: ContributionType | undefined;
  if (typed) {
    const written = typed[1].trim().toLocaleLowerCase('en-US');
    if (isContributionType(written)) {
      type = written;
    } else {
      report.error(
        `${quoteValue(`[${typed[1]}]`)} is not a contribution type`,
        contributionTypeFix(written, t => `[${t}]`),
      );
    }
  }
  if (text.length === 0) {
    report.warning(
      `the ask ${quoteValue(line)} has no text and is ignored`,
      'describe the ask after the type, e.g. "[docs] Write a Kotlin quickstart"',
    );
    return undefined;
  }
  if (Array.from(text).length > MAX_ASK_LENGTH) {
    report.warning(
      `the ask ${quoteValue(
        text,
      )} is longer than ${MAX_ASK_LENGTH} characters and is cut`,
      'summarise the ask in a sentence and link to an issue for the details',
    );
    text = truncateText(text, MAX_ASK_LENGTH);
  }
  return type ? { text, type } : { text };
}
