import { CodeHostReadContext, CodeHostReadRequest } from '../codeHost';
import { HostFailureWording, HostReadCycle } from './HostReadCycle';
import { HostRequestGate } from './HostRequestGate';

/**
 * The requests by host (lower case), each host's in the order given.
 *
 * @public
 */
export function groupRequestsByHost(
  requests: CodeHostReadRequest[],
): Map<string, CodeHostReadRequest[]> {
  const byHost = new Map<string, CodeHostReadRequest[]>();
  for (const request of requests) {
    const host = request.repository.host.toLowerCase();
    const hostRequests = byHost.get(host);
    if (hostRequests) {
      hostRequests.push(request);
    } else {
      byHost.set(host, [request]);
    }
  }
  return byHost;
}

/**
 * What a provider tells {@link PerHostReader} about its kind of host.
 *
 * @public
 */
export type PerHostReaderOptions<TIntegration, TClient> = {
  /** e.g. `GitHub`, as the host's name appears in reasons and logs. */
  hostName: string;
  /** The key under `integrations` that configures these hosts, e.g. `github`. */
  integrationsKey: string;
  /** Requests in flight per host at most. */
  concurrencyPerHost: number;
  wording: HostFailureWording;
  /** The integration of a host, or undefined when `integrations` has none for it. */
  integrationFor: (host: string) => TIntegration | undefined;
  /** The client of one host; made once per host, and given the host's gate to send every request through. */
  createClient: (integration: TIntegration, gate: HostRequestGate) => TClient;
};

/**
 * The part of `read` that is the same on every host: requests grouped by
 * host and read host by host at the same time, a client and a
 * {@link HostRequestGate} per host kept across cycles, every request of a
 * host missing from `integrations` reported failed with the fix, and every
 * request of a host that is still rate limited reported failed with
 * `retryAt` and one warning. What is left to the provider is the API calls,
 * given a {@link HostReadCycle}.
 *
 * @public
 */
export class PerHostReader<TIntegration, TClient> {
  private readonly gates = new Map<string, HostRequestGate>();
  private readonly clients = new Map<string, TClient>();

  constructor(
    private readonly options: PerHostReaderOptions<TIntegration, TClient>,
  ) {}

  /** The gate of a host, made on first use. */
  gateFor(host: string): HostRequestGate {
    const key = host.toLowerCase();
    let gate = this.gates.get(key);
    if (!gate) {
      gate = new HostRequestGate(key, {
        concurrency: this.options.concurrencyPerHost,
      });
      this.gates.set(key, gate);
    }
    return gate;
  }

  async read(
    requests: CodeHostReadRequest[],
    context: CodeHostReadContext,
    readHost: (
      cycle: HostReadCycle<TIntegration, TClient>,
      requests: CodeHostReadRequest[],
    ) => Promise<void>,
  ): Promise<void> {
    await Promise.all(
      [...groupRequestsByHost(requests)].map(async ([host, hostRequests]) => {
        const integration = this.options.integrationFor(host);
        if (!integration) {
          for (const request of hostRequests) {
            await context.onResult(request.key, {
              outcome: 'failed',
              reason: `host "${host}" is not configured under integrations.${this.options.integrationsKey}; add it to read ${request.repository.slug}`,
            });
          }
          return;
        }
        const gate = this.gateFor(host);
        const cycle = new HostReadCycle({
          hostName: this.options.hostName,
          wording: this.options.wording,
          gate,
          integration,
          client: this.clientFor(host, integration, gate),
          ...context,
        });
        const blocked = gate.blockedUntil();
        if (blocked) {
          for (const request of hostRequests) {
            await cycle.reportBlocked(request, blocked);
          }
          return;
        }
        await readHost(cycle, hostRequests);
      }),
    );
  }

  private clientFor(
    host: string,
    integration: TIntegration,
    gate: HostRequestGate,
  ): TClient {
    let client = this.clients.get(host);
    if (!client) {
      client = this.options.createClient(integration, gate);
      this.clients.set(host, client);
    }
    return client;
  }
}
