import { performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import { percentile } from './report';

// The load loop runs in a worker thread, so that the client does not share
// the backend's event loop (it still shares the machine's CPUs).
const LOAD_LOOP = `
const { parentPort, workerData } = require('worker_threads');
const { performance } = require('perf_hooks');
const { url, headers, seconds, expectedStatus } = workerData;
(async () => {
  const latencies = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(headers.map(async h => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const response = await fetch(url, { headers: h });
        await response.arrayBuffer();
        if (response.status === expectedStatus) {
          latencies.push(performance.now() - t0);
        } else {
          errors++;
        }
      } catch {
        errors++;
      }
    }
  }));
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
