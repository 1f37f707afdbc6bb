/** Small deterministic PRNG (mulberry32): a failure names its seed and replays exactly. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** JSON values that break careless handlers: nulls, extremes, broken Unicode, huge text, prototype keys. */
export const WEIRD: unknown[] = [
  null,
  true,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER,
  "",
  "\u0000",
  "\ud800",
  "a".repeat(70_000),
  [],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { x: 1 } } },
  [[[[[[[[[[]]]]]]]]]],
  "2026-13-45T99:99:99Z",
];

export const pick = <T>(rand: () => number, values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;
