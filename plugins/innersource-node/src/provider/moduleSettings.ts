import { RootConfigService } from '@backstage/backend-plugin-api';

/**
 * The settings every code-host module has, under `innersource.<module>`.
 *
 * @public
 */
export type CodeHostModuleSettings = {
  /** `concurrencyPerHost`: requests in flight per host, 1 to 10. */
  concurrencyPerHost: number;
  /** `requestTimeoutSeconds`, in milliseconds: how long one attempt may wait for an answer, 1 to 300 seconds. */
  requestTimeoutMs: number;
};

/**
 * Reads one code-host module's settings, `innersource.<section>`, refusing
 * values outside their range with a message naming the key.
 *
 * @public
 */
export class CodeHostSettingsReader {
  private readonly path: string;
  private readonly settings?: ReturnType<
    RootConfigService['getOptionalConfig']
  >;

  /** `section` is the module's key under `innersource`, e.g. `github`. */
  constructor(config: RootConfigService, section: string) {
    this.path = `innersource.${section}`;
    this.settings = config.getOptionalConfig(this.path);
  }

  /** A whole number from 1 to `max`, or `fallback` when it is not set. */
  count(key: string, fallback: number, max: number): number {
    const value = this.settings?.getOptionalNumber(key);
    if (value === undefined) {
      return fallback;
    }
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(
        `${this.path}.${key} must be a whole number from 1 to ${max}, got ${value}`,
      );
    }
    return value;
  }

  /** `concurrencyPerHost` and `requestTimeoutSeconds`, with the module's defaults for what is not set. */
  common(defaults: CodeHostModuleSettings): CodeHostModuleSettings {
    return {
      concurrencyPerHost: this.count(
        'concurrencyPerHost',
        defaults.concurrencyPerHost,
        10,
      ),
      requestTimeoutMs:
        this.count(
          'requestTimeoutSeconds',
          defaults.requestTimeoutMs / 1000,
          300,
        ) * 1000,
    };
  }
}
