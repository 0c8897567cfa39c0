import {
  BoardCodeHostFacts,
  InnerSourceBadge,
  InnerSourceBadgeKind,
  INNERSOURCE_BADGE_KINDS,
  ScorecardSummary,
} from '@innersource/backstage-plugin-innersource-common';
import { BoardItem } from '../board/types';
import {
  BADGE_COLORS,
  BadgeColor,
  BadgeText,
  cleanBadgeText,
} from './renderBadgeSvg';

/**
 * What the badges of one entity are made of, all from memory: its place on the
 * help-wanted board (only entities with `innersource/contributions-wanted: true`
 * are there) and its stored scorecard with its live issues.
 */
export type BadgeFacts = {
  /** The board item, read for today: expired asks are left out. */
  boardItem?: BoardItem;
  summary?: ScorecardSummary;
  /** The open issues the code host reported, while fresh enough to count. */
  codeHost?: BoardCodeHostFacts;
};

/** The stored scorecards, as the badges need them. */
export type ScorecardSummaries = {
  /** Undefined when the entity is not scored; `entityRef` is full and lower case. */
  summaryOf(entityRef: string): Promise<ScorecardSummary | undefined>;
  /** Undefined when the scorecard has no fresh code-host facts. */
  codeHostFactsOf(entityRef: string): Promise<BoardCodeHostFacts | undefined>;
};

/** What a badge shows, and for `help-wanted` the numbers behind it. */
export type ShownBadge = BadgeText & {
  counts?: NonNullable<InnerSourceBadge['counts']>;
};

/** The help-wanted board, as the badges need it. */
export type BoardEntries = {
  /** The entity's board item for today; undefined when it is not on the board. */
  boardItemOf(entityRef: string): Promise<BoardItem | undefined>;
};

/** Whether a path segment names a badge. */
export function isBadgeKind(value: string): value is InnerSourceBadgeKind {
  return (INNERSOURCE_BADGE_KINDS as readonly string[]).includes(value);
}

/** Badge colors for the default levels; other (configured) levels are blue. */
const LEVEL_COLORS: Record<string, BadgeColor> = {
  bronze: 'bronze',
  silver: 'silver',
  gold: 'gold',
};

function scoreColor(score: number): BadgeColor {
  if (score >= 80) {
    return 'green';
  }
  return score >= 50 ? 'orange' : 'red';
}

/**
 * What one badge of an entity shows, or undefined when the entity is neither on
 * the board nor scored (to the outside: not found).
 */
export function badgeText(
  badge: InnerSourceBadgeKind,
  facts: BadgeFacts,
): ShownBadge | undefined {
  const { boardItem, summary } = facts;
  if (!boardItem && !summary) {
    return undefined;
  }
  switch (badge) {
    case 'contributions':
      if (!boardItem) {
        return { label: 'contributions', message: 'closed', color: 'grey' };
      }
      return boardItem.asksExpired
        ? { label: 'contributions', message: 'stale', color: 'orange' }
        : { label: 'contributions', message: 'welcome', color: 'green' };
    case 'level':
      return summary?.level
        ? {
            label: 'innersource',
            message: summary.level,
            color: LEVEL_COLORS[summary.level.toLowerCase()] ?? 'blue',
          }
        : { label: 'innersource', message: 'none', color: 'grey' };
    case 'score':
      return typeof summary?.score === 'number'
        ? {
            label: 'innersource score',
            message: String(summary.score),
            color: scoreColor(summary.score),
          }
        : { label: 'innersource score', message: 'n/a', color: 'grey' };
    case 'help-wanted':
      return helpWantedBadge(
        boardItem?.asks.length ?? 0,
        facts.codeHost?.openIssues ?? null,
      );
    default:
      return undefined;
  }
}

const plural = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * Open asks and open issues, kept short: "3 asks, 2 issues", "2 issues" when
 * there are issues but no asks, "3 asks" when the code host reported none or
 * nothing (the JSON form tells these apart).
 */
function helpWantedBadge(asks: number, issues: number | null): ShownBadge {
  const parts =
    issues !== null && issues > 0
      ? [
          ...(asks > 0 ? [plural(asks, 'ask', 'asks')] : []),
          plural(issues, 'issue', 'issues'),
        ]
      : [plural(asks, 'ask', 'asks')];
  return {
    label: 'help wanted',
    message: parts.join(', '),
    color: asks + (issues ?? 0) > 0 ? 'blue' : 'grey',
    counts: { asks, issues },
  };
}

/** The `?format=json` body of a badge: the texts as the SVG shows them. */
export function badgeJson(
  badge: InnerSourceBadgeKind,
  shown: ShownBadge,
): InnerSourceBadge {
  return {
    badge,
    label: cleanBadgeText(shown.label),
    message: cleanBadgeText(shown.message),
    color: BADGE_COLORS[shown.color],
    ...(shown.counts ? { counts: shown.counts } : {}),
  };
}

/** What every badge of an entity not found shows. */
export const NOT_FOUND_BADGE: BadgeText = {
  label: 'innersource',
  message: 'not found',
  color: 'grey',
};
