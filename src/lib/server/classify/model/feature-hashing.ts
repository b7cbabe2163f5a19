/**
 * Hashed word and character n-gram features. Hashing keeps the model a fixed size (no
 * vocabulary to store) and lets unseen spellings still land on trained weights through
 * their character n-grams. Signed hashing (a second hash bit picks +1 or −1) makes
 * collisions cancel on average instead of piling up.
 */
import { BucketCounts } from './bucket-counts';
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
  // One table reused for every text (bucket-counts.ts): a fresh Map per comment was most
  // of the model's garbage. Safe to share: nothing here awaits or re-enters.
  const counts = textCounts.reset();
  const mask = (1 << options.bits) - 1;
  let previous: number | undefined;
  for (const token of tokenise(normaliseForFeatures(text))) {
    const wordHash = addWordFeatures(token, options, counts, mask);
    if (previous !== undefined) counts.add(combineHashes(previous, wordHash), mask);
    previous = wordHash;
  }
  return toLogScaledUnitVector(counts);
}

const textCounts = new BucketCounts();

/** Signed counts per bucket of one word's own features (its unigram and character n-grams). */
export function wordFeatureCounts(token: string, options: HashingOptions): Map<number, number> {
  const counts = wordCounts.reset();
  addWordFeatures(token, options, counts, (1 << options.bits) - 1);
  const byBucket = new Map<number, number>();
  for (let at = 0; at < counts.size; at++) byBucket.set(counts.bucket(at), counts.count(at));
  return byBucket;
}

const wordCounts = new BucketCounts();

/** Adds the word's unigram and character n-grams; returns the word hash (for bigrams). */
function addWordFeatures(
  token: string,
  options: HashingOptions,
  counts: BucketCounts,
  mask: number
): number {
  const wordHash = hashRange(token, 0, token.length, WORD_SEED);
  counts.add(wordHash, mask);
  const padded = ` ${token} `;
  for (let n = options.charMin; n <= options.charMax; n++) {
    for (let start = 0; start + n <= padded.length; start++) {
      counts.add(hashRange(padded, start, start + n, CHAR_SEED + n), mask);
    }
  }
  return wordHash;
}

function toLogScaledUnitVector(counts: BucketCounts): SparseVector {
  const indices = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  let norm = 0;
  for (let at = 0; at < counts.size; at++) {
    const count = counts.count(at);
    // Sublinear term frequency: the tenth "!!!" says less than the first.
    const value = Math.sign(count) * Math.log1p(Math.abs(count));
    indices[at] = counts.bucket(at);
    values[at] = value;
    norm += value * value;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / norm;
  return { indices, values };
}
