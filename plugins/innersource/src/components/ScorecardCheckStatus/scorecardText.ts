import { ScorecardLevel } from '@innersource/backstage-plugin-innersource-common';

/** The level's title, its id when the level is not configured, or "No level". */
export function levelTitle(
  levels: ScorecardLevel[],
  levelId: string | undefined,
): string {
  if (!levelId) {
    return 'No level';
  }
  return levels.find(level => level.id === levelId)?.title ?? levelId;
}

/** "42 / 100", or "Not scored" when no check applied. */
export function scoreText(score: number | null | undefined): string {
  return typeof score === 'number' ? `${score} / 100` : 'Not scored';
}
