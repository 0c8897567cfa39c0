import {
  EntityScorecard,
  ScorecardHistoryPoint,
} from '@innersource/backstage-plugin-innersource-common';
import { utcDayOf } from '../DatabaseScorecardStore';
import { ScorecardStore, StoredScorecardSummary } from '../ScorecardStore';
import { scorecardSummaryOf } from '../scorecardSummary';

/** A {@link ScorecardStore} in memory, with the database store's rules. */
export class MemoryScorecardStore implements ScorecardStore {
  readonly current = new Map<string, EntityScorecard>();
  readonly history = new Map<string, Map<string, ScorecardHistoryPoint>>();
  revision = 0;

  async saveScorecards(scorecards: EntityScorecard[]): Promise<number> {
    let written = 0;
    for (const scorecard of scorecards) {
      const before = this.current.get(scorecard.entityRef);
      if (before && before.computedAt > scorecard.computedAt) {
        continue;
      }
      this.current.set(scorecard.entityRef, scorecard);
      const days = this.history.get(scorecard.entityRef) ?? new Map();
      const day = utcDayOf(new Date(scorecard.computedAt));
      days.set(day, {
        day,
        score: scorecard.score,
        ...(scorecard.level ? { level: scorecard.level } : {}),
      });
      this.history.set(scorecard.entityRef, days);
      written++;
    }
    if (written > 0) {
      this.revision++;
    }
    return written;
  }

  async purgeScorecardsExcept(keep: Iterable<string>): Promise<number> {
    const kept = new Set(keep);
    const refs = new Set(
      [...this.current.keys(), ...this.history.keys()].filter(
        ref => !kept.has(ref),
      ),
    );
    for (const ref of refs) {
      this.current.delete(ref);
      this.history.delete(ref);
    }
    if (refs.size > 0) {
      this.revision++;
    }
    return refs.size;
  }

  async pruneHistoryBefore(day: string): Promise<number> {
    let pruned = 0;
    for (const days of this.history.values()) {
      for (const key of [...days.keys()]) {
        if (key < day) {
          days.delete(key);
          pruned++;
        }
      }
    }
    return pruned;
  }

  async listScorecards(): Promise<EntityScorecard[]> {
    return [...this.current.values()];
  }

  async listScorecardSummaries(): Promise<StoredScorecardSummary[]> {
    return [...this.current.values()].map(scorecard => ({
      ...scorecardSummaryOf(scorecard),
      ...(scorecard.codeHost ? { codeHost: scorecard.codeHost } : {}),
    }));
  }

  async getScorecard(entityRef: string) {
    return this.current.get(entityRef);
  }

  async getHistory(entityRef: string): Promise<ScorecardHistoryPoint[]> {
    return [...(this.history.get(entityRef)?.values() ?? [])].sort((a, b) =>
      a.day < b.day ? -1 : 1,
    );
  }

  async getRevision(): Promise<number> {
    return this.revision;
  }
}
