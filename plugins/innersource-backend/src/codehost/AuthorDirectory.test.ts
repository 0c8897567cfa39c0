import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CodeHostPullRequest } from '@innersource/backstage-plugin-innersource-common';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { AuthorDirectory } from './AuthorDirectory';

const LOGIN = 'github.com/user-login';
const NOW = new Date('2026-03-10T12:00:00Z');

function user(
  name: string,
  login: string | undefined,
  groups: { relations?: string[]; spec?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: login ? { [LOGIN]: login } : {},
    },
    spec: groups.spec ? { memberOf: groups.spec } : {},
    relations: (groups.relations ?? []).map(targetRef => ({
      type: 'memberOf',
      targetRef,
    })),
  };
}

function group(
  name: string,
  children: { relations?: string[]; spec?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: children.spec ?? [] },
    relations: (children.relations ?? []).map(targetRef => ({
      type: 'parentOf',
      targetRef,
    })),
  };
}

let number = 0;
function merged(login: string, isBot = false): CodeHostPullRequest {
  number += 1;
  return {
    id: String(number),
    url: `https://github.com/acme/payments/pull/${number}`,
    author: { login, isBot },
    createdAt: '2026-03-01T10:00:00Z',
    mergedAt: '2026-03-02T10:00:00Z',
    firstResponseAt: '2026-03-01T14:00:00Z',
  };
}

// The organisation: engineering ⊃ payments ⊃ payments-mobile; platform elsewhere.
const catalogEntities: Entity[] = [
  group('engineering', { relations: ['group:default/payments'] }),
  group('payments', { spec: ['payments-mobile'] }),
  group('payments-mobile'),
  group('platform'),
  user('jane', 'JaneDoe', { relations: ['group:default/payments'] }),
  user('mo', 'mo-mobile', { spec: ['payments-mobile'] }),
  user('erik', 'erik', { relations: ['group:default/engineering'] }),
  user('pia', 'pia', { relations: ['group:default/platform'] }),
  user('no-login', undefined, { relations: ['group:default/platform'] }),
];

async function contributions(
  pullRequests: CodeHostPullRequest[],
  owner = 'group:default/payments',
  entities = catalogEntities,
) {
  const fake = fakeCatalog(entities);
  const directory = new AuthorDirectory({
    catalog: fake.catalog,
    credentials: mockCredentials.service(),
  });
  const subject = {
    pullRequests: { windowDays: 180, items: pullRequests, truncated: false },
    loginAnnotation: LOGIN,
    owner,
  };
  await directory.prepare([subject]);
  return {
    fake,
    directory,
    summary: directory.contributionsOf({
      ...subject,
      now: NOW,
      windowDays: 180,
    }),
  };
}

describe('AuthorDirectory', () => {
  it('maps a login to the catalog user and their groups, ignoring case', async () => {
    const { summary } = await contributions([merged('janedoe'), merged('PIA')]);
    expect(summary).toMatchObject({
      merged: 2,
      inside: 1,
      outside: 1,
      unknown: 0,
      contributingTeams: [{ team: 'group:default/platform', merged: 1 }],
    });
  });

  it('counts authors without a catalog user as unknown, neither inside nor outside', async () => {
    const { summary } = await contributions([
      merged('stranger'),
      merged('janedoe'),
    ]);
    expect(summary).toMatchObject({
      merged: 2,
      inside: 1,
      outside: 0,
      unknown: 1,
      unknownLogins: ['stranger'],
    });
  });

  it('counts a child team of the owner as inside', async () => {
    const { summary, directory } = await contributions([merged('mo-mobile')]);
    expect(summary).toMatchObject({ merged: 1, inside: 1, outside: 0 });
    expect(
      [...directory.owningTeamsOf('group:default/payments')].sort(),
    ).toEqual(['group:default/payments', 'group:default/payments-mobile']);
  });

  it('counts a member of a parent group as outside', async () => {
    const { summary } = await contributions([merged('erik')]);
    expect(summary).toMatchObject({
      merged: 1,
      inside: 0,
      outside: 1,
      contributingTeams: [{ team: 'group:default/engineering', merged: 1 }],
    });
  });

  it('leaves bots out of every count and never looks them up', async () => {
    const { summary, fake } = await contributions([
      merged('dependabot[bot]', true),
      merged('pia'),
    ]);
    expect(summary).toMatchObject({ merged: 1, outside: 1, unknown: 0 });
    const filters = fake.calls.queryEntities.mock.calls.map(
      ([request]) => (request as { filter?: Record<string, unknown> }).filter,
    );
    expect(filters).toEqual([
      { kind: 'user', [`metadata.annotations.${LOGIN}`]: ['pia'] },
    ]);
  });

  it('counts the owner of a user-owned entity as inside', async () => {
    const { summary } = await contributions(
      [merged('janedoe'), merged('pia')],
      'user:default/jane',
    );
    expect(summary).toMatchObject({ merged: 2, inside: 1, outside: 1 });
  });

  it('asks the catalog once per batch of logins and keeps the answers for the cycle', async () => {
    const many = Array.from({ length: 120 }, (_, i) => merged(`dev${i}`));
    const { fake, directory } = await contributions([...many, merged('pia')]);
    expect(fake.calls.queryEntities).toHaveBeenCalledTimes(3);

    await directory.prepare([
      {
        pullRequests: { windowDays: 180, items: many, truncated: false },
        loginAnnotation: LOGIN,
        owner: 'group:default/payments',
      },
    ]);
    expect(fake.calls.queryEntities).toHaveBeenCalledTimes(3);
  });

  it('gives no contributions without pull requests or an owner', async () => {
    const { directory } = await contributions([]);
    expect(
      directory.contributionsOf({
        pullRequests: undefined,
        loginAnnotation: LOGIN,
        owner: 'group:default/payments',
        now: NOW,
        windowDays: 180,
      }),
    ).toBeUndefined();
    expect(
      directory.contributionsOf({
        pullRequests: {
          windowDays: 180,
          items: [merged('pia')],
          truncated: false,
        },
        loginAnnotation: LOGIN,
        now: NOW,
        windowDays: 180,
      }),
    ).toBeUndefined();
  });
});
