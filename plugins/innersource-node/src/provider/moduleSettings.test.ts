import { mockServices } from '@backstage/backend-test-utils';
import { CodeHostSettingsReader } from './moduleSettings';

const defaults = { concurrencyPerHost: 2, requestTimeoutMs: 20_000 };

describe('CodeHostSettingsReader', () => {
  it('reads the common settings, the timeout in seconds, with the defaults for what is not set', () => {
    const config = mockServices.rootConfig({
      data: { innersource: { gitlab: { requestTimeoutSeconds: 5 } } },
    });
    expect(
      new CodeHostSettingsReader(config, 'gitlab').common(defaults),
    ).toEqual({ concurrencyPerHost: 2, requestTimeoutMs: 5000 });
    expect(
      new CodeHostSettingsReader(mockServices.rootConfig(), 'github').common(
        defaults,
      ),
    ).toEqual(defaults);
  });

  it('reads a module setting as a whole number within its range', () => {
    const reader = new CodeHostSettingsReader(
      mockServices.rootConfig({
        data: { innersource: { github: { pullRequestPageSize: 100 } } },
      }),
      'github',
    );
    expect(reader.count('pullRequestPageSize', 50, 100)).toBe(100);
    expect(reader.count('maxPullRequestsPerRepository', 200, 5000)).toBe(200);
  });

  it.each([0, 11, 2.5])(
    'refuses concurrencyPerHost %p, naming the key and the range',
    value => {
      const reader = new CodeHostSettingsReader(
        mockServices.rootConfig({
          data: { innersource: { github: { concurrencyPerHost: value } } },
        }),
        'github',
      );
      expect(() => reader.common(defaults)).toThrow(
        `innersource.github.concurrencyPerHost must be a whole number from 1 to 10, got ${value}`,
      );
    },
  );

  it('refuses a timeout over five minutes', () => {
    const reader = new CodeHostSettingsReader(
      mockServices.rootConfig({
        data: { innersource: { gitlab: { requestTimeoutSeconds: 301 } } },
      }),
      'gitlab',
    );
    expect(() => reader.common(defaults)).toThrow(
      'innersource.gitlab.requestTimeoutSeconds must be a whole number from 1 to 300, got 301',
    );
  });
});
