import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { fakeCatalog } from '../__testUtils__/fakeCatalog';
import { wantedComponent } from '../__testUtils__/fixtures';
import { EntityRefIds } from './EntityRefIds';
import { ReadableEntities } from './ReadableEntities';

const alice = mockCredentials.user('user:default/alice');
const mallory = mockCredentials.user('user:default/mallory');
const search = mockCredentials.service('plugin:search');

describe('ReadableEntities', () => {
  const ids = new EntityRefIds();
  const onBoard = (...names: string[]) =>
    names.map(name => {
      const entityRef = `component:default/${name}`;
      return { id: ids.idOf(entityRef), entityRef };
    });
  const visibleNames = (
    isVisible: (id: number) => boolean,
    entities: Array<{ id: number; entityRef: string }>,
  ) =>
    entities
      .filter(e => isVisible(e.id))
      .map(e => e.entityRef.replace('component:default/', ''));

  function setup(options: { entities?: string[]; maxCallers?: number } = {}) {
    let now = 0;
    const fake = fakeCatalog(
      (options.entities ?? ['open', 'secret']).map(name =>
        wantedComponent(name),
      ),
      { deny: { 'user:default/mallory': ['component:default/secret'] } },
    );
    const readable = new ReadableEntities({
      catalog: fake.catalog,
      auth: mockServices.auth(),
      maxAgeMs: 30_000,
      maxCallers: options.maxCallers,
      clock: () => now,
    });
    return {
      readable,
      calls: fake.calls.getEntitiesByRefs,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('asks the catalog with the caller’s own credentials what they may read', async () => {
    const { readable, calls } = setup();
    const entities = onBoard('open', 'secret');

    const forMallory = await readable.visibility(entities, mallory);
    const forAlice = await readable.visibility(entities, alice);

    expect(visibleNames(forMallory, entities)).toEqual(['open']);
    expect(visibleNames(forAlice, entities)).toEqual(['open', 'secret']);
    expect(calls).toHaveBeenCalledWith(
      {
        entityRefs: ['component:default/open', 'component:default/secret'],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: mallory },
    );
  });

  it('gives callers who may read the same entities the same key, and others another', async () => {
    const { readable } = setup();
    const entities = onBoard('open', 'secret');
    const bob = mockCredentials.user('user:default/bob');

    const forAlice = await readable.visibility(entities, alice);
    const forBob = await readable.visibility(entities, bob);
    const forMallory = await readable.visibility(entities, mallory);

    expect(forAlice.key).toBeDefined();
    expect(forBob.key).toBe(forAlice.key);
    expect(forMallory.key).not.toBe(forAlice.key);
  });

  it('changes the key when what the caller may read changes', async () => {
    const { readable } = setup();
    const entities = onBoard('open', 'secret');
    const before = await readable.visibility(entities, mallory);
    readable.remember(mallory, entities[1].id, true);
    const after = await readable.visibility(entities, mallory);
    expect(after.key).not.toBe(before.key);
    expect(visibleNames(after, entities)).toEqual(['open', 'secret']);
  });

  it('treats entities that the catalog no longer has as unreadable', async () => {
    const { readable } = setup({ entities: ['open'] });
    const entities = onBoard('open', 'gone');
    const isVisible = await readable.visibility(entities, alice);
    expect(visibleNames(isVisible, entities)).toEqual(['open']);
  });

  it('remembers the answer per caller for 30 seconds', async () => {
    const { readable, calls, advance } = setup();
    const entities = onBoard('open', 'secret');

    await readable.visibility(entities, mallory);
    advance(29_999);
    await readable.visibility(entities, mallory);
    expect(calls).toHaveBeenCalledTimes(1);

    await readable.visibility(entities, search);
    expect(calls).toHaveBeenCalledTimes(2);

    advance(1);
    await readable.visibility(entities, mallory);
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('asks only about entities new to the board', async () => {
    const { readable, calls } = setup({ entities: ['open', 'secret', 'new'] });
    await readable.visibility(onBoard('open', 'secret'), mallory);
    const entities = onBoard('open', 'secret', 'new');
    const isVisible = await readable.visibility(entities, mallory);

    expect(calls).toHaveBeenCalledTimes(2);
    expect(calls.mock.calls[1][0].entityRefs).toEqual([
      'component:default/new',
    ]);
    expect(visibleNames(isVisible, entities)).toEqual(['open', 'new']);
  });

  it('asks once for concurrent requests of one caller', async () => {
    const { readable, calls } = setup();
    const entities = onBoard('open', 'secret');
    await Promise.all([
      readable.visibility(entities, alice),
      readable.visibility(entities, alice),
      readable.visibility(entities, alice),
    ]);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('asks about large boards in batches of 400 refs', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `e${i}`);
    const { readable, calls } = setup({ entities: names });
    const entities = onBoard(...names);
    const isVisible = await readable.visibility(entities, alice);

    expect(
      calls.mock.calls.map(([request]) => request.entityRefs.length),
    ).toEqual([400, 400, 200]);
    expect(visibleNames(isVisible, entities)).toHaveLength(1000);
  });

  it('fails the request when the catalog fails, and asks again next time', async () => {
    const { readable, calls } = setup();
    const entities = onBoard('open', 'secret');
    calls.mockRejectedValueOnce(new Error('catalog down'));

    await expect(readable.visibility(entities, mallory)).rejects.toThrow(
      'catalog down',
    );
    const isVisible = await readable.visibility(entities, mallory);
    expect(visibleNames(isVisible, entities)).toEqual(['open']);
  });

  it('forgets the callers seen least recently beyond its limit', async () => {
    const { readable, calls } = setup({ maxCallers: 2 });
    const entities = onBoard('open');
    await readable.visibility(entities, alice);
    await readable.visibility(entities, mallory);
    await readable.visibility(entities, alice);
    await readable.visibility(entities, search);
    expect(calls).toHaveBeenCalledTimes(3);

    await readable.visibility(entities, alice);
    expect(calls).toHaveBeenCalledTimes(3);
    await readable.visibility(entities, mallory);
    expect(calls).toHaveBeenCalledTimes(4);
  });

  it('takes what the caller just read as readable without asking', async () => {
    const { readable, calls } = setup();
    const [entity] = onBoard('secret');
    readable.remember(alice, entity.id, true);
    const isVisible = await readable.visibility([entity], alice);
    expect(isVisible(entity.id)).toBe(true);
    expect(calls).not.toHaveBeenCalled();
  });

  it('shows the board to users and services only', async () => {
    const { readable } = setup();
    await expect(
      readable.visibility(onBoard('open'), mockCredentials.none()),
    ).rejects.toThrow('only shown to users and services');
  });
});
