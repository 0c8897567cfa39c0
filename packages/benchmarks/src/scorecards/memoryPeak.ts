import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

export type MemoryPeak = {
  /** Peak resident set size above the baseline, in bytes. */
  rss: number;
  /** Peak V8 heap used above the baseline, in bytes. */
  heapUsed: number;
  samples: number;
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full garbage collection, so that a baseline does not carry earlier garbage. */
export function collectGarbage() {
  gc();
  gc();
}

/**
 * Samples `process.memoryUsage()` every `intervalMs` from now until the
 * returned function is called, which gives the peaks above the usage at the
 * start. Samples are taken on the event loop, so a long synchronous stretch
 * is seen at its end: the peaks are a lower bound.
 */
export function startMemoryPeak(intervalMs = 50): () => MemoryPeak {
  collectGarbage();
  const baseline = process.memoryUsage();
  let rss = baseline.rss;
  let heapUsed = baseline.heapUsed;
  let samples = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heapUsed = Math.max(heapUsed, usage.heapUsed);
    samples++;
  };
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    sample();
    return {
      rss: rss - baseline.rss,
      heapUsed: heapUsed - baseline.heapUsed,
      samples,
    };
  };
}
