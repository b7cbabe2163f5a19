/**
 * Hashed word and character n-gram features. Hashing keeps the model a fixed size (no
 * vocabulary to store) and lets unseen spellings still land on trained weights through
 * their character n-grams. Signed hashing (a second hash bit picks +1 or −1) makes
 * collisions cancel on average instead of piling up.
 */
import { normaliseForFeatures, tokenise } from './text-normalise';

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface HashingOptions {
  /** log2 of the number of buckets. */
  bits: number;
  /** Character n-gram lengths, inclusive, taken inside each word padded with spaces. */
  charMin: number;
  charMax: number;
}

export const DEFAULT_HASHING: HashingOptions = { bits: 18, charMin: 3, charMax: 5 };

/** MurmurHash3 (x86, 32-bit) over UTF-16 code units of `text[start, end)`. */
export function hashRange(text: string, start: number, end: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= end - start;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A bigram's hash from its two word hashes (murmur3's finaliser over a mix of both). */
function combineHashes(first: number, second: number): number {
  let h = (Math.imul(first, 0x9e3779b1) ^ second ^ BIGRAM_SEED) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Different seeds per family: the word "hat" and the character 3-gram "hat" are different features.
const WORD_SEED = 1;
const BIGRAM_SEED = 2;
const CHAR_SEED = 3;

/** The hashed, log-scaled, L2-normalised feature vector of one text. */
export function hashFeatures(
  text: string,
  options: HashingOptions = DEFAULT_HASHING
): SparseVector {
  const counts = new Map<number, number>();
  const add = signedCounter(counts, options.bits);
  let previous: number | undefined;
  for (const token of tokenise(normaliseForFeatures(text))) {
    const wordHash = addWordFeatures(token, options, add);
    if (previous !== undefined) add(combineHashes(previous, wordHash));
    previous = wordHash;
  }
  return toLogScaledUnitVector(counts);
}

/** Signed counts per bucket of one word's own features (its unigram and character n-grams). */
export function wordFeatureCounts(token: string, options: HashingOptions): Map<number, number> {
  const counts = new Map<number, number>();
  addWordFeatures(token, options, signedCounter(counts, options.bits));
  return counts;
}

function signedCounter(counts: Map<number, number>, bits: number): (hash: number) => void {
  const mask = (1 << bits) - 1;
  return (hash) => {
    const index = hash & mask;
    const sign = hash >>> 31 === 1 ? -1 : 1;
    counts.set(index, (counts.get(index) ?? 0) + sign);
  };
}

/** Adds the word's unigram and character n-grams; returns the word hash (for bigrams). */
function addWordFeatures(
  token: string,
  options: HashingOptions,
  add: (hash: number) => void
): number {
  const wordHash = hashRange(token, 0, token.length, WORD_SEED);
  add(wordHash);
  const padded = ` ${token} `;
  for (let n = options.charMin; n <= options.charMax; n++) {
    for (let start = 0; start + n <= padded.length; start++) {
      add(hashRange(padded, start, start + n, CHAR_SEED + n));
    }
  }
  return wordHash;
}

function toLogScaledUnitVector(counts: Map<number, number>): SparseVector {
  const indices = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  let norm = 0;
  let at = 0;
  for (const [index, count] of counts) {
    // Sublinear term frequency: the tenth "!!!" says less than the first.
    const value = Math.sign(count) * Math.log1p(Math.abs(count));
    indices[at] = index;
    values[at] = value;
    norm += value * value;
    at++;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / norm;
  return { indices, values };
}
