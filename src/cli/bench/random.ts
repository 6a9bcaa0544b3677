/** A small seeded generator (LCG), so a benchmark archive is the same for the same seed. */
export function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** Heavy-tailed counts like real reports: many small, a few very large. */
    count: (scale: number) => Math.floor(scale * Math.exp(next() * 3 - 1.5) * next()),
  };
}
export type Random = ReturnType<typeof seeded>;
