import { evaluateCheck } from '../../__testUtils__/scorecardInput';
import {
  descriptionCheck,
  docsCheck,
  notDeprecatedCheck,
  ownerIsTeamCheck,
} from './entityChecks';

const exempt = (checkId: string) => ({
  'innersource/scorecard-exempt': `${checkId}: decided by the architecture board`,
});

describe('the owner-is-team check', () => {
  const owned = (owner: unknown) => ({
    spec: { type: 'service', lifecycle: 'production', owner },
  });

  it('passes for a group owner, with or without the kind written', () => {
    expect(evaluateCheck(ownerIsTeamCheck, owned('group:payments'))).toBe(
      'pass: owned by group:default/payments, a group',
    );
    expect(evaluateCheck(ownerIsTeamCheck, owned('payments'))).toBe(
      'pass: owned by group:default/payments, a group',
    );
    expect(
      evaluateCheck(ownerIsTeamCheck, {
        ...owned('payments'),
        metadata: { namespace: 'retail' },
      }),
    ).toBe('pass: owned by group:retail/payments, a group');
  });

  it('fails for a person', () => {
    expect(evaluateCheck(ownerIsTeamCheck, owned('user:jane-doe'))).toBe(
      'fail: owned by user:default/jane-doe, a user, not a group',
    );
  });

  it('fails without an owner, or with one that is not a ref', () => {
    expect(evaluateCheck(ownerIsTeamCheck, { spec: {} })).toBe(
      'fail: spec.owner is not set',
    );
    expect(evaluateCheck(ownerIsTeamCheck, owned(42))).toBe(
      'fail: spec.owner is not set',
    );
    expect(evaluateCheck(ownerIsTeamCheck, owned('group:a:b:c/'))).toBe(
      'fail: spec.owner "group:a:b:c/" is not an entity ref',
    );
  });

  it('goes by the kind the catalog resolved, when the catalog is consulted', () => {
    expect(
      evaluateCheck(ownerIsTeamCheck, {
        ...owned('user:jane-doe'),
        catalog: { ownerKind: 'User' },
      }),
    ).toBe('fail: owned by user:default/jane-doe, a user, not a group');
    expect(
      evaluateCheck(ownerIsTeamCheck, {
        ...owned('group:payments'),
        catalog: { ownerKind: 'group' },
      }),
    ).toBe('pass: owned by group:default/payments, a group');
  });

  it('warns when the owner does not exist in the catalog', () => {
    expect(
      evaluateCheck(ownerIsTeamCheck, {
        ...owned('group:paymnets'),
        catalog: { ownerKind: null },
      }),
    ).toBe(
      'warn: spec.owner group:default/paymnets does not exist in the catalog',
    );
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(ownerIsTeamCheck, {
        ...owned('user:jane-doe'),
        annotations: exempt('owner-is-team'),
      }),
    ).toBe(
      'exempt (decided by the architecture board): owned by user:default/jane-doe, a user, not a group',
    );
  });
});

describe('the description check', () => {
  const described = (description: unknown) => ({
    metadata: { description },
  });

  it('passes with 30 characters or more', () => {
    expect(evaluateCheck(descriptionCheck, described('x'.repeat(30)))).toBe(
      'pass: metadata.description has 30 characters',
    );
  });

  it('fails when shorter, quoting what is there', () => {
    expect(
      evaluateCheck(
        descriptionCheck,
        described('  Sales and stock dashboards. '),
      ),
    ).toBe(
      'fail: metadata.description "Sales and stock dashboards." has 27 characters, fewer than 30',
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(evaluateCheck(descriptionCheck, described('🚀'.repeat(30)))).toBe(
      'pass: metadata.description has 30 characters',
    );
  });

  it('fails without a description', () => {
    expect(evaluateCheck(descriptionCheck, described(undefined))).toBe(
      'fail: metadata.description is not set',
    );
    expect(evaluateCheck(descriptionCheck, described('   '))).toBe(
      'fail: metadata.description is not set',
    );
  });

  it('uses the configured minimum length', () => {
    expect(
      evaluateCheck(descriptionCheck, described('Sales dashboards.'), {
        descriptionMinLength: 10,
      }),
    ).toBe('pass: metadata.description has 17 characters');
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(descriptionCheck, {
        ...described('Short.'),
        annotations: exempt('description'),
      }),
    ).toBe(
      'exempt (decided by the architecture board): metadata.description "Short." has 6 characters, fewer than 30',
    );
  });
});

describe('the docs check', () => {
  it('passes with TechDocs', () => {
    expect(
      evaluateCheck(docsCheck, {
        annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      }),
    ).toBe('pass: backstage.io/techdocs-ref is "dir:."');
    expect(
      evaluateCheck(docsCheck, {
        annotations: {
          'backstage.io/techdocs-entity': 'component:default/handbook',
        },
      }),
    ).toBe(
      'pass: backstage.io/techdocs-entity is "component:default/handbook"',
    );
  });

  it('passes with a documentation link by type, icon or title', () => {
    const withLink = (link: Record<string, string>) =>
      evaluateCheck(docsCheck, {
        metadata: { links: [{ url: 'https://wiki.example/x', ...link }] },
      });
    const found =
      'pass: links to its documentation at "https://wiki.example/x"';
    expect(withLink({ type: 'docs' })).toBe(found);
    expect(withLink({ icon: 'docs' })).toBe(found);
    expect(withLink({ title: 'API Documentation' })).toBe(found);
  });

  it('fails without TechDocs or a documentation link', () => {
    const missing =
      'fail: no backstage.io/techdocs-ref annotation and no documentation link in metadata.links';
    expect(evaluateCheck(docsCheck)).toBe(missing);
    expect(
      evaluateCheck(docsCheck, {
        metadata: {
          links: [
            { url: 'https://grafana.example/d/1', title: 'Dashboard' },
            // eslint-disable-next-line no-script-url -- must not count as a link
            { url: 'javascript:alert(1)', type: 'docs' },
            'https://not-a-link-object.example',
          ],
        },
      }),
    ).toBe(missing);
    expect(
      evaluateCheck(docsCheck, { metadata: { links: 'docs please' } }),
    ).toBe(missing);
  });

  it('is exempt with the reason', () => {
    expect(evaluateCheck(docsCheck, { annotations: exempt('docs') })).toMatch(
      /^exempt \(decided by the architecture board\): no backstage/,
    );
  });
});

describe('the not-deprecated check', () => {
  const lifecycle = (value: unknown) => ({
    spec: { owner: 'group:payments', lifecycle: value },
  });

  it('passes for a live lifecycle', () => {
    expect(evaluateCheck(notDeprecatedCheck, lifecycle('production'))).toBe(
      'pass: spec.lifecycle is "production"',
    );
    expect(evaluateCheck(notDeprecatedCheck, lifecycle('experimental'))).toBe(
      'pass: spec.lifecycle is "experimental"',
    );
  });

  it('fails for a deprecated entity', () => {
    expect(evaluateCheck(notDeprecatedCheck, lifecycle('Deprecated'))).toBe(
      'fail: spec.lifecycle is "Deprecated"',
    );
  });

  it('does not apply without a lifecycle, e.g. to a System', () => {
    expect(
      evaluateCheck(notDeprecatedCheck, {
        kind: 'System',
        spec: { owner: 'group:payments' },
      }),
    ).toBe('not-applicable: no spec.lifecycle');
  });

  it('is exempt with the reason', () => {
    expect(
      evaluateCheck(notDeprecatedCheck, {
        ...lifecycle('deprecated'),
        annotations: exempt('not-deprecated'),
      }),
    ).toBe(
      'exempt (decided by the architecture board): spec.lifecycle is "deprecated"',
    );
  });
});

describe('checks that read only the entity', () => {
  it('are never not-reported: the entity is always there', () => {
    for (const check of [
      ownerIsTeamCheck,
      descriptionCheck,
      docsCheck,
      notDeprecatedCheck,
    ]) {
      expect(check.needs).toBe('annotations');
      expect(evaluateCheck(check, {})).not.toMatch(/^not-reported/);
    }
  });
});
