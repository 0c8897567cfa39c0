import path from 'path';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

// The demo's example catalog is the ground every screen stands on. These tests load it
// into the real catalog backend, once on SQLite and once on PostgreSQL, and check the
// promises the README makes about it.

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const examplesDir = path.resolve(__dirname, '../../../examples');
const exampleFiles = [
  'org.yaml',
  'systems.yaml',
  'components.yaml',
  'malformed.yaml',
];

async function loadExampleCatalog(databaseId: string): Promise<Entity[]> {
  const knex = await databases.init(databaseId as 'SQLITE_3');
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Domain',
                  'Group',
                  'User',
                  'Location',
                ],
              },
            ],
            locations: exampleFiles.map(file => ({
              type: 'file',
              target: path.join(examplesDir, file),
            })),
          },
        },
      }),
    ],
  });
  try {
    // The catalog ingests in the background; wait until the count stops growing.
    let entities: Entity[] = [];
    for (let attempt = 0; attempt < 120; attempt++) {
      const response = await request(backend.server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.user.header());
      const latest: Entity[] = response.body;
      if (latest.length >= 50 && latest.length === entities.length) {
        return latest;
      }
      entities = latest;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    return entities;
  } finally {
    await backend.stop();
  }
}

const refOf = (entity: Entity) => stringifyEntityRef(entity);
const originFile = (entity: Entity) =>
  path.basename(
    entity.metadata.annotations?.['backstage.io/managed-by-origin-location'] ??
      '',
  );

describe('the example catalog', () => {
  it('runs on PostgreSQL whenever the test command promises it', () => {
    const promisedButMissing =
      Boolean(process.env.INNERSOURCE_REQUIRE_POSTGRES) &&
      !databases.supports('POSTGRES_15');
    expect(promisedButMissing).toBe(false);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    let entities: Entity[];
    let refs: Set<string>;

    beforeAll(async () => {
      entities = await loadExampleCatalog(databaseId);
      refs = new Set(entities.map(refOf));
    }, 90_000);

    it('holds at least 30 entities of every kind the demo shows', () => {
      const business = entities.filter(e => e.kind !== 'Location');
      expect(business.length).toBeGreaterThanOrEqual(30);
      const kinds = new Set(business.map(e => e.kind));
      for (const kind of ['Group', 'User', 'System', 'Component', 'API']) {
        expect(kinds).toContain(kind);
      }
    });

    it('has at least 5 teams, each with members who own components', () => {
      const teams = entities.filter(
        e => e.kind === 'Group' && (e.spec as any)?.type === 'team',
      );
      const teamsWithWork = teams.filter(team => {
        const teamRef = refOf(team);
        const hasMembers = entities.some(
          e =>
            e.kind === 'User' &&
            ((e.spec as any)?.memberOf ?? []).includes(team.metadata.name),
        );
        const ownsComponents = entities.some(
          e =>
            e.kind === 'Component' &&
            stringifyEntityRef(parseEntityRef((e.spec as any).owner)) ===
              teamRef,
        );
        return hasMembers && ownsComponents;
      });
      expect(teamsWithWork.length).toBeGreaterThanOrEqual(5);
    });

    it('resolves every owner to an entity of the catalog', () => {
      const owners = entities
        .filter(e => (e.spec as any)?.owner)
        .map(e => stringifyEntityRef(parseEntityRef((e.spec as any).owner)));
      expect(owners.length).toBeGreaterThan(20);
      expect(owners.filter(owner => !refs.has(owner))).toEqual([]);
    });

    it('resolves every trusted committer outside the deliberately broken examples', () => {
      const unresolved = entities
        .filter(e => originFile(e) !== 'malformed.yaml')
        .flatMap(e =>
          (e.metadata.annotations?.['innersource/trusted-committers'] ?? '')
            .split(',')
            .map(ref => ref.trim())
            .filter(Boolean)
            .map(ref => stringifyEntityRef(parseEntityRef(ref)))
            .filter(ref => !refs.has(ref)),
        );
      expect(unresolved).toEqual([]);
    });

    it('carries complete, partial, expired and malformed innersource annotations', () => {
      const annotated = entities.filter(e =>
        Object.keys(e.metadata.annotations ?? {}).some(key =>
          key.startsWith('innersource/'),
        ),
      );
      const today = new Date().toISOString().slice(0, 10);
      const untilOf = (e: Entity) =>
        e.metadata.annotations?.['innersource/help-wanted-until'] ?? '';
      const complete = annotated.filter(
        e =>
          Object.keys(e.metadata.annotations!).filter(k =>
            k.startsWith('innersource/'),
          ).length >= 11,
      );
      const expired = annotated.filter(
        e => /^\d{4}-\d{2}-\d{2}$/.test(untilOf(e)) && untilOf(e) < today,
      );
      const malformed = annotated.filter(
        e => originFile(e) === 'malformed.yaml',
      );
      const partial = annotated.filter(
        e =>
          !complete.includes(e) &&
          !expired.includes(e) &&
          !malformed.includes(e),
      );
      expect(complete.length).toBeGreaterThanOrEqual(4);
      expect(expired.length).toBeGreaterThanOrEqual(2);
      expect(partial.length).toBeGreaterThanOrEqual(3);
      // Malformed annotations never keep an entity out of the catalog.
      expect(malformed.map(e => e.metadata.name).sort()).toEqual([
        'data-exporter',
        'image-resizer',
        'legacy-ledger',
        'recommendations-engine',
      ]);
    });
  });
});
