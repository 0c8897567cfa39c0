import { HostRequestGate } from './HostRequestGate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(done => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('HostRequestGate', () => {
  it('lets at most its concurrency run at once and starts the rest in the order they came', async () => {
    const gate = new HostRequestGate('GitHub.com', { concurrency: 2 });
    const releases = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const runs = releases.map((release, index) =>
      gate.run(async () => {
        started.push(index);
        running += 1;
        most = Math.max(most, running);
        await release.promise;
        running -= 1;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    releases[1].resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    releases.forEach(release => release.resolve());
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
    expect(gate.host).toBe('github.com');
  });

  it('frees the slot of a task that throws', async () => {
    const gate = new HostRequestGate('gitlab.com', { concurrency: 1 });
    await expect(
      gate.run(async () => {
        throw new Error('503');
      }),
    ).rejects.toThrow('503');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });

  it('stays blocked until the latest end it was given, then lets requests through again', () => {
    const gate = new HostRequestGate('gitlab.com', { concurrency: 1 });
    const now = Date.now();
    expect(gate.blockedUntil(now)).toBeUndefined();
    gate.block(new Date(now + 60_000));
    gate.block(new Date(now + 10_000));
    expect(gate.blockedUntil(now)).toEqual(new Date(now + 60_000));
    expect(gate.blockedUntil(now + 60_000)).toBeUndefined();
    expect(gate.blockedUntil(now)).toBeUndefined();
  });

  it('refuses a concurrency that would let nothing through', () => {
    expect(() => new HostRequestGate('github.com', { concurrency: 0 })).toThrow(
      'concurrency for github.com must be at least 1, got 0',
    );
  });
});
