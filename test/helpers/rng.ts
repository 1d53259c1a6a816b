// Mulberry32: a small seeded generator for tests (fuzz loops, synthetic kits), so a failing input
// can be replayed from its seed and run number.

/** A generator of numbers in [0, 1) from `seed`; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
