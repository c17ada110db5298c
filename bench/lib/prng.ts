/**
 * A seeded PRNG (mulberry32), so the same seed gives the same room phases, kill times and
 * histories in every run; Math.random would make two runs incomparable.
 */
export type Rng = { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; uuid(): string };

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    uuid: () => {
      const h = Array.from({ length: 32 }, () => int(0, 15).toString(16));
      h[12] = "4";
      h[16] = ((int(0, 15) & 0x3) | 0x8).toString(16);
      const s = h.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
