/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the synthetic corpus
 * needs. Math.random can't be seeded; the corpus must come out byte-identical for a seed.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability `p`. */
  chance(p: number): boolean;
  /** A log-normal draw: exp(N(ln median, sigma)). */
  logNormal(median: number, sigma: number): number;
}

/** Mixes a seed and any number of integers (an article index, …) into one 32-bit state. */
export function mixSeed(...parts: number[]): number {
  let state = 0x9e37_79b9;
  for (const part of parts) {
    state = Math.imul(state ^ (part >>> 0), 0x85eb_ca6b);
    state ^= state >>> 13;
    state = Math.imul(state, 0xc2b2_ae35);
    state ^= state >>> 16;
  }
  return state >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b_79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    logNormal(median, sigma) {
      // Box–Muller; 1 - next() keeps the logarithm's argument above zero.
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * normal);
    }
  };
}
