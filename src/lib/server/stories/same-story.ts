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
 *
 * Two bounds keep the look-up's cost flat as the corpus grows (fingerprints.repository.ts):
 * - window: an article is compared only with articles whose story time (published_at, else
 *   the document's ingest time) lies within STORY_WINDOW_DAYS of its own, either side.
 *   Outlets cover a story within days of each other; beyond a week a matching article is a
 *   follow-up, which the chaining above would otherwise pull into one ever-growing group,
 *   and every article ever stored would be read. The relation stays symmetric, so groups
 *   still do not depend on the order articles arrive in (rebuild gives ingest's groups).
 * - cap: of the articles that qualify, at most MAX_CANDIDATES are compared, those sharing
 *   the most LSH bands first, then the nearest in time. A real story window holds far fewer
 *   matches; the cap only bites on a corpus where everything matches everything, and there
 *   the groups it gives may depend on arrival order (a dropped candidate may be reached
 *   through another). `stories` shows the groups so an analyst can spot that.
 */
import { estimatedJaccard } from './minhash';
import type { Fingerprint } from './fingerprint';

export const COPY_THRESHOLD = 0.5;
export const COVERAGE_THRESHOLD = 0.1;
/** Days either side of an article's story time within which its matches are looked for. */
export const STORY_WINDOW_DAYS = 7;
/** Stored articles an article is compared with at most (the strongest band matches). */
export const MAX_CANDIDATES = 200;

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
