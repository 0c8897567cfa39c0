import { Entity } from '@backstage/catalog-model';
import { seededRandom } from '../lib/random';

/** How the generated Components are spread over annotation profiles. */
export const PROFILE_SHARES = { complete: 0.3, partial: 0.5, none: 0.2 };

export type ScorecardCatalog = {
  /** Components first, then the groups and users they refer to. */
  entities: Entity[];
  components: number;
  groups: number;
  users: number;
};

const WORDS = [
  'payments',
  'orders',
  'catalog',
  'identity',
  'billing',
  'shipping',
  'analytics',
  'notifications',
  'inventory',
  'pricing',
  'search',
  'checkout',
  'ledger',
  'service',
  'platform',
];
const SKILLS = [
  'typescript',
  'java',
  'kotlin',
  'go',
  'python',
  'react',
  'sql',
  'kubernetes',
  'terraform',
  'graphql',
];
const LICENSES = [
  'internal',
  'Apache-2.0',
  'MIT',
  'https://wiki.example.com/is',
];

const pad = (i: number) => String(i).padStart(5, '0');

function lifecycleOf(r: number): string {
  if (r < 0.8) {
    return 'production';
  }
  return r < 0.9 ? 'experimental' : 'deprecated';
}

/**
 * `n` Components with a realistic mix of InnerSource annotations, plus the
 * groups and users they name. Deterministic: the same `n` gives the same
 * catalog on every run and machine.
 *
 * - 30% carry the complete set of `innersource/*` annotations, 50% a random
 *   part of it (with some asks expired, some trusted committers missing from
 *   the catalog, a few malformed values), 20% none at all;
 * - owners: 70% `group:` refs, 10% groups written without a kind, 10% users,
 *   10% groups that are not in the catalog;
 * - descriptions long enough (70%), too short (20%) or missing; TechDocs or a
 *   docs link on 60%; 10% deprecated.
 */
export function generateScorecardCatalog(n: number): ScorecardCatalog {
  const { next: rnd, int, pick, pickSome } = seededRandom(20240615 + n);
  const groupCount = Math.max(20, Math.round(n / 25));
  const userCount = Math.max(50, Math.round(n / 5));
  const groups = Array.from({ length: groupCount }, (_, i) => `team-${pad(i)}`);
  const users = Array.from({ length: userCount }, (_, i) => `user-${pad(i)}`);
  const sentence = (words: number) =>
    Array.from({ length: words }, () => pick(WORDS)).join(' ');

  const owner = () => {
    const r = rnd();
    if (r < 0.7) return `group:default/${pick(groups)}`;
    if (r < 0.8) return pick(groups);
    if (r < 0.9) return `user:default/${pick(users)}`;
    return `group:default/ghost-team-${int(100)}`;
  };
  const committers = (missing: 'none' | 'some' | 'all') => {
    const refs = [
      ...pickSome(users, 1 + int(3)).map(u => `user:${u}`),
      ...(rnd() < 0.5 ? [`group:${pick(groups)}`] : []),
    ];
    if (missing === 'some') refs.push(`user:departed-${int(1000)}`);
    if (missing === 'all') return `user:departed-${int(1000)}`;
    return refs.join(', ');
  };
  const asks = () =>
    Array.from(
      { length: 1 + int(4) },
      () => `[${pick(['code', 'docs', 'tests'])}] Improve ${sentence(2)}`,
    ).join('\n');

  const components = Array.from({ length: n }, (_, i): Entity => {
    const name = `component-${pad(i)}`;
    const annotations: Record<string, string> = {};
    const links: Array<{ url: string; title: string; type?: string }> = [];
    const docs = rnd();
    if (docs < 0.4) {
      annotations['backstage.io/techdocs-ref'] = 'dir:.';
    } else if (docs < 0.6) {
      links.push({ url: `https://docs.example.com/${name}`, title: 'Docs' });
    } else if (docs < 0.7) {
      links.push({
        url: `https://grafana.example.com/${name}`,
        title: 'Dashboard',
      });
    }

    const profile = rnd();
    if (profile < PROFILE_SHARES.complete) {
      Object.assign(annotations, {
        'innersource/contributions-wanted': 'true',
        'innersource/help-wanted': asks(),
        'innersource/help-wanted-until':
          rnd() < 0.8 ? '2035-12-31' : '2021-06-30',
        'innersource/skills': pickSome(SKILLS, 1 + int(4)).join(', '),
        'innersource/contribution-types': 'code, docs, tests',
        'innersource/contributing': 'CONTRIBUTING.md',
        'innersource/chat': `#${pick(WORDS)}-dev`,
        'innersource/trusted-committers': committers(
          rnd() < 0.9 ? 'none' : 'some',
        ),
        'innersource/response-time': '2d',
        'innersource/license': pick(LICENSES),
      });
    } else if (profile < PROFILE_SHARES.complete + PROFILE_SHARES.partial) {
      const maybe = (key: string, value: () => string, p = 0.5) => {
        if (rnd() < p) annotations[key] = value();
      };
      annotations['innersource/contributions-wanted'] =
        rnd() < 0.7 ? 'true' : 'false';
      maybe('innersource/help-wanted', asks);
      maybe('innersource/help-wanted-until', () =>
        pick(['2035-12-31', '2021-06-30', '2024-02-30']),
      );
      maybe('innersource/skills', () => pickSome(SKILLS, 1 + int(3)).join(','));
      maybe('innersource/contributing', () =>
        pick(['CONTRIBUTING.md', 'https://wiki.example.com/contributing']),
      );
      maybe('innersource/chat', () =>
        pick([`#${pick(WORDS)}`, 'https://chat.example.com/c/x', 'our chat']),
      );
      maybe('innersource/trusted-committers', () =>
        committers(pick(['none', 'none', 'some', 'all'] as const)),
      );
      maybe('innersource/license', () => pick([...LICENSES, '???']), 0.3);
    }

    const description = rnd();
    const lifecycle = rnd();
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        title: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
        ...(description < 0.7
          ? { description: `The ${sentence(3)} of ${name}: ${sentence(6)}` }
          : {}),
        ...(description >= 0.7 && description < 0.9
          ? { description: `${pick(WORDS)} thing` }
          : {}),
        annotations,
        ...(links.length > 0 ? { links } : {}),
      },
      spec: {
        type: 'service',
        lifecycle: lifecycleOf(lifecycle),
        owner: owner(),
      },
    };
  });

  const groupEntities = groups.map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      spec: { type: 'team', children: [] },
    }),
  );
  const userEntities = users.map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: { memberOf: [pick(groups)] },
    }),
  );
  return {
    entities: [...components, ...groupEntities, ...userEntities],
    components: n,
    groups: groupCount,
    users: userCount,
  };
}
