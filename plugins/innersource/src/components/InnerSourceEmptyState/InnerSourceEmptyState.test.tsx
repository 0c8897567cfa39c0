import { screen } from '@testing-library/react';
import { parseInnerSourceAnnotations } from '@innersource/backstage-plugin-innersource-common';
import { Entity } from '@backstage/catalog-model';
import { bareEntity } from '../../__testUtils__/entities';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import {
  annotationSnippet,
  suggestedInnerSourceAnnotations,
} from './annotationSnippet';
import { InnerSourceEmptyState } from './InnerSourceEmptyState';

const today = new Date('2025-01-15T12:00:00Z');

describe('suggestedInnerSourceAnnotations', () => {
  it('suggests annotations the parser accepts without a problem', () => {
    const annotations = suggestedInnerSourceAnnotations(bareEntity, today);
    const parsed = parseInnerSourceAnnotations(
      { ...bareEntity, metadata: { ...bareEntity.metadata, annotations } },
      { now: today },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.profile.contributionsWanted).toBe(true);
    expect(parsed.profile.asks).toHaveLength(2);
    expect(parsed.profile.asksValidUntil).toBe('2025-04-15');
    expect(parsed.profile.skills).toEqual(['go', 'security']);
    expect(parsed.profile.trustedCommitters).toEqual([
      'group:default/payments',
    ]);
  });

  it('falls back to placeholders for values that are not plain', () => {
    const entity: Entity = {
      ...bareEntity,
      metadata: { ...bareEntity.metadata, tags: ["x'\n  evil: 1"] },
      spec: { owner: "group:bad'\nname" },
    };
    const annotations = suggestedInnerSourceAnnotations(entity, today);
    expect(annotations['innersource/skills']).toBe('typescript, react');
    expect(annotations['innersource/trusted-committers']).toBe(
      'group:default/your-team',
    );
  });
});

describe('annotationSnippet', () => {
  it('writes the annotations as a metadata block of catalog-info.yaml', () => {
    expect(
      annotationSnippet({
        'innersource/contributions-wanted': 'true',
        'innersource/help-wanted': '[docs] One\n[code] Two',
        'innersource/chat': "#it's",
      }),
    ).toBe(
      [
        'metadata:',
        '  annotations:',
        "    innersource/contributions-wanted: 'true'",
        '    innersource/help-wanted: |',
        '      [docs] One',
        '      [code] Two',
        "    innersource/chat: '#it''s'",
      ].join('\n'),
    );
  });
});

describe('InnerSourceEmptyState', () => {
  it('shows the snippet with a copy button', async () => {
    const { container } = await renderWithEntity(
      <InnerSourceEmptyState entity={bareEntity} />,
      bareEntity,
    );
    expect(container.querySelector('code.language-yaml')).toHaveTextContent(
      'innersource/help-wanted-until',
    );
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
  });
});
