import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../testUtils';
import { parseInnerSourceAnnotations } from '../annotations/parseInnerSourceAnnotations';
import {
  annotationOnlyScorecardOptions,
  DEFAULT_SCORECARD_OPTIONS,
} from './options';
import { scoreEntity } from './scoreEntity';
import { Scorecard } from './types';

const EXAMPLES = path.join(findRepoRoot(), 'examples');
const NOW = new Date('2030-06-15T12:00:00Z');

/** Every Component and System of the demo catalog, by name, scored from its YAML alone. */
function scoreDemoCatalog(
  options = DEFAULT_SCORECARD_OPTIONS,
): Map<string, Scorecard> {
  const scorecards = new Map<string, Scorecard>();
  for (const file of fs
    .readdirSync(EXAMPLES)
    .filter(f => f.endsWith('.yaml'))) {
    const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const entity = doc.toJSON() as Entity | null;
      if (entity?.kind !== 'Component' && entity?.kind !== 'System') {
        continue;
      }
      const { profile } = parseInnerSourceAnnotations(entity, { now: NOW });
      scorecards.set(
        entity.metadata.name,
        scoreEntity({ entity, profile, now: NOW }, options),
      );
    }
  }
  return scorecards;
}

function statusOf(scorecard: Scorecard | undefined, checkId: string) {
  return scorecard?.results.find(r => r.checkId === checkId)?.status;
}

describe('scoring the demo catalog from its YAML alone', () => {
  const scorecards = scoreDemoCatalog();
  const card = (name: string) => {
    const scorecard = scorecards.get(name);
    expect(scorecard).toBeDefined();
    return scorecard!;
  };

  it('scores every Component and System', () => {
    expect(scorecards.size).toBeGreaterThanOrEqual(20);
    for (const scorecard of scorecards.values()) {
      expect(scorecard.score).not.toBeNull();
    }
  });

  it('ranks a complete profile above a partial one', () => {
    expect(card('payments-gateway').score).toBe(100);
    expect(card('checkout-web').score).toBeLessThan(
      card('payments-gateway').score!,
    );
    expect(card('deploy-cli').score).toBeLessThan(100);
  });

  it('holds no level from the YAML alone: even bronze needs the README fact from the code host', () => {
    for (const scorecard of scorecards.values()) {
      expect(scorecard.level).toBeUndefined();
      expect(scorecard.nextLevel?.id).toBe('bronze');
    }
    expect(card('payments-gateway').nextLevel).toEqual({
      id: 'bronze',
      blockingChecks: ['readme'],
      missingFacts: ['readme'],
    });
  });

  it('gives the complete profiles silver when the unseen checks are optional, as the lint scores: gold needs code-host facts', () => {
    const optional = scoreDemoCatalog(annotationOnlyScorecardOptions());
    for (const name of [
      'payments-gateway',
      'login-web',
      'ci-templates',
      'backstage-portal',
      'ios-app',
      'event-collector',
    ]) {
      expect({
        name,
        score: optional.get(name)?.score,
        level: optional.get(name)?.level,
      }).toEqual({ name, score: 100, level: 'silver' });
      expect(optional.get(name)?.nextLevel?.id).toBe('gold');
    }
  });

  it('holds partial profiles below bronze and says what to fix', () => {
    expect(card('checkout-web').level).toBeUndefined();
    expect(card('checkout-web').nextLevel).toEqual({
      id: 'bronze',
      blockingChecks: ['readme', 'docs', 'skills'],
      missingFacts: ['readme'],
    });
  });

  it('fails the asks of the expired profiles, without failing them for missing data', () => {
    for (const name of [
      'refunds-service',
      'autocomplete-service',
      'reporting-dashboards',
    ]) {
      expect(statusOf(card(name), 'asks-not-expired')).toBe('fail');
    }
    for (const scorecard of scorecards.values()) {
      for (const checkId of ['readme', 'codeowners', 'trusted-committers']) {
        expect(statusOf(scorecard, checkId)).toBe('not-reported');
      }
    }
  });

  it('keeps a deprecated component out of every level', () => {
    expect(card('session-store').level).toBeUndefined();
    expect(card('session-store').nextLevel?.blockingChecks).toContain(
      'not-deprecated',
    );
  });

  it('shows the exemption of ci-templates with its reason', () => {
    expect(
      card('ci-templates').results.find(
        r => r.checkId === 'outside-contributions',
      ),
    ).toMatchObject({
      status: 'exempt',
      exemptionReason:
        'the templates are new this quarter, so no outside pull requests yet',
    });
    for (const scorecard of scorecards.values()) {
      expect(scorecard.unknownExemptions).toEqual([]);
    }
  });

  it('does not judge the lifecycle of Systems, which have none', () => {
    expect(statusOf(card('payments-platform'), 'not-deprecated')).toBe(
      'not-applicable',
    );
    expect(card('payments-platform').score).toBeGreaterThan(
      card('identity-platform').score!,
    );
  });
});
