/**
 * Deterministic pseudo-random data for benchmarks: the same seed gives the
 * same catalog on every run and machine.
 */
export function seededRandom(seed: number) {
  // mulberry32: small, fast and good enough for test data.
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]) => values[int(values.length)];
  /** Skewed towards the start of the list, like real skill popularity. */
  const pickSkewed = <T>(values: readonly T[]) =>
    values[Math.floor(values.length * next() * next())];
  const pickSome = <T>(values: readonly T[], count: number, skewed = false) => {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, values.length)) {
      chosen.add(skewed ? pickSkewed(values) : pick(values));
    }
    return [...chosen];
  };
  return { next, int, pick, pickSkewed, pickSome };
}
