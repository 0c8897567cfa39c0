import { mockServices } from '@backstage/backend-test-utils';
import { codeHostRepositoryKey } from '@innersource/backstage-plugin-innersource-common';
import { CodeHostReadRequest, CodeHostReadResult } from '../codeHost';
import { HostReadCycle } from './HostReadCycle';
import { HostRequestGate } from './HostRequestGate';
import { CodeHostRequestFailure } from './readFailures';

function request(slug: string): CodeHostReadRequest {
  const repository = {
    provider: 'example',
    host: 'git.acme.com',
    slug,
    url: `https://git.acme.com/${slug}`,
  };
  return {
    key: codeHostRepositoryKey(repository),
    repository,
    issueLabels: [],
    windowDays: 90,
  };
}

function cycleOf(options: { points?: number; concurrency?: number } = {}) {
  let left = options.points ?? 100;
  const results: CodeHostReadResult[] = [];
  const logger = mockServices.logger.mock();
  const cycle = new HostReadCycle({
    hostName: 'ExampleHost',
    wording: {
      notFound: slug => `ExampleHost has no repository ${slug}`,
      refusedAdvice: host => `check the token for ${host}`,
    },
    gate: new HostRequestGate('git.acme.com', {
      concurrency: options.concurrency ?? 2,
    }),
    integration: {},
    client: {},
    budget: {
      take(cost = 1) {
        if (cost > left) {
          return false;
        }
        left -= cost;
        return true;
      },
      remaining: () => left,
    },
    logger,
    onResult: async (_key, result) => {
      results.push(result);
    },
  });
  return { cycle, results, logger };
}

const rateLimited = (until: Date) =>
  new CodeHostRequestFailure('rate-limited', 'slow down', 429, until);

describe('HostReadCycle', () => {
  it('reads in turn, and once one read is rate limited reports the rest blocked with one warning', async () => {
    const { cycle, results, logger } = cycleOf({ concurrency: 1 });
    const until = new Date(Date.now() + 120_000);
    const requests = ['a', 'b', 'c', 'd'].map(slug => request(`team/${slug}`));
    await cycle.readInTurn(
      requests.map(r => ({ request: r })),
      async ({ request: r }) =>
        r.repository.slug === 'team/b'
          ? cycle.failed(r, rateLimited(until))
          : { outcome: 'unchanged' },
    );
    expect(results).toEqual([
      { outcome: 'unchanged' },
      {
        outcome: 'failed',
        reason: expect.stringMatching(
          /^ExampleHost answered 429 \(rate limit\) for team\/b; git\.acme\.com is read again after \d\d:\d\d UTC$/,
        ),
        retryAt: until,
      },
      {
        outcome: 'failed',
        reason: expect.stringMatching(
          /^git\.acme\.com is rate limited until \d\d:\d\d UTC; team\/c was not read$/,
        ),
        retryAt: until,
      },
      expect.objectContaining({ outcome: 'failed', retryAt: until }),
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(cycle.mayContinue()).toBe(false);
    expect(cycle.gate.blockedUntil()).toEqual(until);
  });

  it('gives no result to what it did not reach once an abort stopped it', async () => {
    const { cycle, results } = cycleOf({ concurrency: 1 });
    const requests = ['a', 'b', 'c'].map(slug => request(`team/${slug}`));
    await cycle.readInTurn(
      requests.map(r => ({ request: r })),
      async ({ request: r }) =>
        r.repository.slug === 'team/a'
          ? { outcome: 'unchanged' }
          : cycle.failed(
              r,
              new CodeHostRequestFailure('aborted', 'the read was aborted'),
            ),
    );
    expect(results).toEqual([{ outcome: 'unchanged' }]);
    expect(cycle.stopped).toBe(true);
    expect(cycle.mayContinue()).toBe(false);
  });

  it('says why a read failed in the host words', () => {
    const { cycle } = cycleOf();
    const r = request('team/a');
    expect(
      cycle.failed(
        r,
        new CodeHostRequestFailure('not-found', 'Not Found', 404),
      ),
    ).toEqual({
      outcome: 'failed',
      notFound: true,
      reason: 'ExampleHost has no repository team/a',
    });
    expect(
      cycle.failed(
        r,
        new CodeHostRequestFailure('unavailable', 'Bad Gateway', 502),
      ),
    ).toEqual({
      outcome: 'failed',
      reason:
        'ExampleHost did not answer for team/a (502, also on the retry); the last facts stay in use until the next cycle',
    });
    expect(
      cycle.failed(
        r,
        new CodeHostRequestFailure(
          'unavailable',
          'no answer within 20 s\n    at fetch',
        ),
      ),
    ).toMatchObject({
      reason: expect.stringContaining(
        '(no answer within 20 s, also on the retry)',
      ),
    });
    expect(
      cycle.failed(
        r,
        new CodeHostRequestFailure('refused', 'Bad credentials', 401),
      ),
    ).toEqual({
      outcome: 'failed',
      reason:
        'ExampleHost answered 401 for team/a: Bad credentials; check the token for git.acme.com',
    });
    expect(cycle.mayContinue()).toBe(true);
  });

  it('blocks the host for a minute after a rate limit that names no end', () => {
    const { cycle } = cycleOf();
    const before = Date.now();
    const result = cycle.failed(
      request('team/a'),
      new CodeHostRequestFailure('rate-limited', 'secondary rate limit', 403),
    );
    const retryAt = (result as { retryAt: Date }).retryAt;
    expect(retryAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(cycle.gate.blockedUntil()).toEqual(retryAt);
  });

  it('takes from the budget before a request and throws when it says no', () => {
    const { cycle } = cycleOf({ points: 3 });
    cycle.take(2);
    expect(() => cycle.take(2)).toThrow('the cycle budget is spent');
    expect(cycle.budget.remaining()).toBe(1);
  });
});
