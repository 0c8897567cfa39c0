import { performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import { percentile } from './report';

// The load loop runs in a worker thread, so that the client does not share
// the backend's event loop (it still shares the machine's CPUs). It uses
// node:http with one keep-alive agent socket per virtual user rather than
// fetch (undici): on 127.0.0.1 that client needs about half the CPU per request
// (measured: 9,400 vs 5,200 req/s against a bare Node.js server on this kind of
// machine), CPU that the backend under test would otherwise lose.
const LOAD_LOOP = `
const { parentPort, workerData } = require('worker_threads');
const { performance } = require('perf_hooks');
const http = require('http');
const { url, headers, seconds, expectedStatus } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: headers.length });
// What fetch sends by default; each virtual user's headers come on top.
const defaults = { accept: '*/*', 'accept-encoding': 'gzip, deflate', 'user-agent': 'node' };
const get = h => new Promise((resolve, reject) => {
  http.get(url, { agent, headers: { ...defaults, ...h } }, response => {
    response.on('data', () => {});
    response.on('end', () => resolve(response.statusCode));
    response.on('error', reject);
  }).on('error', reject);
});
(async () => {
  const latencies = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(headers.map(async h => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const status = await get(h);
        if (status === expectedStatus) {
          latencies.push(performance.now() - t0);
        } else {
          errors++;
        }
      } catch {
        errors++;
      }
    }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, errors, elapsed: (performance.now() - start) / 1000 });
})();
`;

export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
};

/**
 * A closed loop: one virtual user per entry of `headers` (e.g. one
 * authorization each), each sending its next request to `url` as soon as the
 * previous one was answered, for `seconds`. Only answers with
 * `expectedStatus` (default 200) count as requests and have latencies; any
 * other status or a network error counts as an error.
 */
export async function closedLoopLoad(options: {
  url: string;
  headers: Array<Record<string, string>>;
  seconds: number;
  expectedStatus?: number;
}): Promise<LoadResult> {
  const { latencies, errors, elapsed } = await new Promise<{
    latencies: number[];
    errors: number;
    elapsed: number;
  }>((resolve, reject) => {
    const worker = new Worker(LOAD_LOOP, {
      eval: true,
      workerData: { ...options, expectedStatus: options.expectedStatus ?? 200 },
    });
    worker.once('message', result => {
      resolve(result);
      worker.terminate();
    });
    worker.once('error', reject);
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
  };
}

/** Time since `start` in seconds. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
