/**
 * When two articles tell the same story, judged from their fingerprints alone.
 *
 * Two routes, either is enough:
 * - copy: the body shingles' estimated Jaccard is at least COPY_THRESHOLD. A syndicated
 *   reprint with its own boilerplate and light edits stays well above it; two texts written
 *   independently share almost no 5-word runs (the five seeds: 0.00–0.08 between each other).
 * - coverage: the story terms' estimated Jaccard is at least COVERAGE_THRESHOLD. The seeds
 *   are five outlets' own write-ups, not reprints (the same quotes, the same names, different
 *   prose): their term similarity is 0.08–0.25 (the ZeroHedge piece's best match 0.13),
 *   while articles on unrelated news score 0.00–0.03. The estimate's standard error at
 *   these values is about 0.03 with 128 hashes.
 *
 * Groups are the connected components of this relation: an article that matches members of
 * two groups joins them. Coverage is the looser route, so a corpus that follows one
 * subject for months can chain its follow-up stories into one group; `stories` lists the
 * groups so an analyst can spot that.
 */
import { estimatedJaccard } from './minhash';
import type { Fingerprint } from './fingerprint';

export const COPY_THRESHOLD = 0.5;
export const COVERAGE_THRESHOLD = 0.1;

export interface Similarity {
  copy: number;
  coverage: number;
}

export function similarity(first: Fingerprint, second: Fingerprint): Similarity {
  return {
    copy: estimatedJaccard(first.shingleSignature, second.shingleSignature),
    coverage: estimatedJaccard(first.termSignature, second.termSignature)
  };
}

export function isSameStory({ copy, coverage }: Similarity): boolean {
  return copy >= COPY_THRESHOLD || coverage >= COVERAGE_THRESHOLD;
}

/** Orders matches best first: copies before coverage, then by strength. */
export function strength({ copy, coverage }: Similarity): number {
  return copy >= COPY_THRESHOLD ? 1 + copy : coverage;
}
