/**
 * The threshold preview, computed in the browser as the slider moves: from per-label score
 * buckets (a thousandth wide, loaded once by the page), how many comments a value would
 * flag and — from moderators' decisions — the precision and recall it would have had.
 * A comment is flagged when its score is at or over the value (fuse.ts); a removed comment
 * is a correct flag, an approved one a wrong flag; pending and escalated ones don't count.
 */

/** Stored scores with floor(score · 1000) = bucket, and how moderators decided them. */
export interface ScoreBucket {
  bucket: number;
  total: number;
  removed: number;
  approved: number;
}

export interface ThresholdPreview {
  flagged: number;
  /** Flagged and removed. */
  truePositives: number;
  /** Flagged and approved. */
  falsePositives: number;
  /** Removed but not flagged. */
  falseNegatives: number;
  /** Null when no decided comment is flagged at this value. */
  precision: number | null;
  /** Null when moderators removed nothing yet. */
  recall: number | null;
  /** Removed plus approved comments: 0 means "no decisions yet". */
  decisions: number;
}

/** Buckets 0…1000 (a score of exactly 1 is bucket 1000). */
const BUCKETS = 1001;

/** Suffix sums once, so each preview is three array reads. */
export function thresholdPreviewer(
  buckets: readonly ScoreBucket[]
): (threshold: number) => ThresholdPreview {
  const total = new Float64Array(BUCKETS + 1);
  const removed = new Float64Array(BUCKETS + 1);
  const approved = new Float64Array(BUCKETS + 1);
  for (const row of buckets) {
    const index = Math.min(Math.max(row.bucket, 0), BUCKETS - 1);
    total[index]! += row.total;
    removed[index]! += row.removed;
    approved[index]! += row.approved;
  }
  for (let index = BUCKETS - 1; index >= 0; index--) {
    total[index]! += total[index + 1]!;
    removed[index]! += removed[index + 1]!;
    approved[index]! += approved[index + 1]!;
  }
  return (threshold) => {
    const from = firstBucketAtOrOver(threshold);
    const truePositives = removed[from]!;
    const falsePositives = approved[from]!;
    const allRemoved = removed[0]!;
    return {
      flagged: total[from]!,
      truePositives,
      falsePositives,
      falseNegatives: allRemoved - truePositives,
      precision:
        truePositives + falsePositives > 0
          ? truePositives / (truePositives + falsePositives)
          : null,
      recall: allRemoved > 0 ? truePositives / allRemoved : null,
      decisions: allRemoved + approved[0]!
    };
  };
}

/**
 * The first bucket whose scores are all at or over the value. Exact for values on the
 * thousandths grid (the slider's steps); a finer value is previewed at the next
 * thousandth up. The epsilon absorbs binary noise such as 0.3 · 1000 = 300.00000000000006.
 */
function firstBucketAtOrOver(threshold: number): number {
  return Math.min(Math.max(Math.ceil(threshold * 1000 - 1e-9), 0), BUCKETS);
}
