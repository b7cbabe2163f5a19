/**
 * MinHash: a fixed-size signature of a set whose share of equal positions estimates the
 * Jaccard similarity of two sets (|A ∩ B| / |A ∪ B|) without keeping the sets.
 *
 * Each feature is hashed once (MurmurHash3, 32-bit); hash function i is then that value
 * XOR-ed with a seeded constant and passed through murmur3's finaliser, a bijection on 32
 * bits, so every function is a fixed random-looking permutation. The constants come from a
 * fixed seed: signatures stored today compare with signatures computed next year.
 */
import { hashRange } from '../classify/model/feature-hashing';
import { seededRandom } from '../classify/model/random';

export const SIGNATURE_LENGTH = 128;
const FAMILY_SEED = 0x5707_1e5;
const FEATURE_SEED = 0x9e37_79b9;

const FAMILY = (() => {
  const random = seededRandom(FAMILY_SEED);
  return Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(random() * 4294967296));
})();

/** murmur3's 32-bit finaliser: a bijection that mixes every input bit into every output bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The signature as signed 32-bit integers (PostgreSQL's `integer`), one per hash function;
 * an empty set gets the all-maximum signature, which matches only other empty sets.
 */
export function minHashSignature(features: Iterable<string>): number[] {
  const minima = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const feature of features) {
    const base = hashRange(feature, 0, feature.length, FEATURE_SEED);
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const value = mix32(base ^ FAMILY[i]!);
      if (value < minima[i]!) minima[i] = value;
    }
  }
  return Array.from(minima, (value) => value | 0);
}

/** The share of positions where two signatures agree: the Jaccard estimate. */
export function estimatedJaccard(first: readonly number[], second: readonly number[]): number {
  if (first.length !== second.length) {
    throw new Error(`Signatures differ in length: ${first.length} and ${second.length}`);
  }
  let equal = 0;
  for (let i = 0; i < first.length; i++) if (first[i] === second[i]) equal++;
  return equal / first.length;
}
