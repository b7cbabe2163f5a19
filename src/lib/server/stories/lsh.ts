/**
 * Locality-sensitive hashing: each signature is cut into bands, each band hashed to a
 * bucket, and stored as (band, bucket, article) rows; articles that share a bucket in any
 * band are the only candidates a new article is compared with. An index on (band, bucket)
 * makes that a lookup, whatever the number of stored articles.
 *
 * - Shingle signature: 32 bands × 4 rows. A pair with Jaccard s shares a band with
 *   probability 1 − (1 − s⁴)³²: 0.87 at s = 0.4, 0.9996 at s = 0.6, 0.03 at s = 0.1, so
 *   copies above the copy threshold (0.5, see same-story.ts) are found almost surely.
 * - Term signature: 128 bands of 1 row, numbered after the shingle bands. A bucket is then
 *   the signature value itself, so the number of buckets two articles share is exactly the
 *   number of equal signature positions: SQL can count it and keep only pairs whose
 *   estimated Jaccard reaches the coverage threshold.
 */
import { mix32, SIGNATURE_LENGTH } from './minhash';

export const SHINGLE_BANDS = 32;
export const SHINGLE_ROWS = SIGNATURE_LENGTH / SHINGLE_BANDS;
/** Term "bands" are numbered TERM_BAND_OFFSET + position. */
export const TERM_BAND_OFFSET = SHINGLE_BANDS;

export interface BandBucket {
  band: number;
  bucket: number;
}

/** A band's bucket: its rows folded into one signed 32-bit hash. */
function bucketOf(rows: readonly number[]): number {
  let h = 0x2545f491;
  for (const row of rows) h = mix32(h ^ row) + 0x9e3779b9;
  return mix32(h) | 0;
}

export function shingleBands(signature: readonly number[]): BandBucket[] {
  return Array.from({ length: SHINGLE_BANDS }, (_, band) => ({
    band,
    bucket: bucketOf(signature.slice(band * SHINGLE_ROWS, (band + 1) * SHINGLE_ROWS))
  }));
}

export function termBands(signature: readonly number[]): BandBucket[] {
  return signature.map((value, position) => ({ band: TERM_BAND_OFFSET + position, bucket: value }));
}
