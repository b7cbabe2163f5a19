/**
 * Isotonic calibration: the non-decreasing map from raw model score to probability that
 * best fits the dev labels (pool-adjacent-violators). It turns class-weighted logistic
 * outputs into probabilities at the dev split's base rate, without assuming a sigmoid shape.
 * Between block centres the map is linear, so distinct raw scores mostly stay distinct
 * (a step function would tie them and cost ranking quality).
 */
import type { Scores, Targets } from './metrics';

/** Breakpoints: x strictly increasing, y non-decreasing in [0, 1]. */
export interface IsotonicMap {
  x: number[];
  y: number[];
}

interface Block {
  sumX: number;
  sumY: number;
  count: number;
}

/** Pool-adjacent-violators over (score, label) pairs, equal scores pooled first. */
export function fitIsotonic(scores: Scores, labels: Targets): IsotonicMap {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number)
  );
  const blocks: Block[] = [];
  for (let start = 0; start < order.length;) {
    // Tied scores must get one value, so they enter as one block.
    const x = scores[order[start] as number] as number;
    const block: Block = { sumX: 0, sumY: 0, count: 0 };
    let end = start;
    for (; end < order.length && scores[order[end] as number] === x; end++) {
      block.sumX += x;
      block.sumY += labels[order[end] as number] === 1 ? 1 : 0;
      block.count++;
    }
    blocks.push(block);
    mergeViolators(blocks);
    start = end;
  }
  return {
    x: blocks.map((block) => block.sumX / block.count),
    y: blocks.map((block) => block.sumY / block.count)
  };
}

/** While the last block's mean is below its predecessor's, pool the two. */
function mergeViolators(blocks: Block[]): void {
  while (blocks.length > 1) {
    const last = blocks[blocks.length - 1] as Block;
    const previous = blocks[blocks.length - 2] as Block;
    if (previous.sumY / previous.count <= last.sumY / last.count) return;
    previous.sumX += last.sumX;
    previous.sumY += last.sumY;
    previous.count += last.count;
    blocks.pop();
  }
}

/** The calibrated probability of a raw score: linear between breakpoints, flat outside. */
export function applyIsotonic(map: IsotonicMap, score: number): number {
  const { x, y } = map;
  const n = x.length;
  if (n === 0) return score;
  if (score <= (x[0] as number)) return y[0] as number;
  if (score >= (x[n - 1] as number)) return y[n - 1] as number;
  let low = 0;
  let high = n - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((x[middle] as number) <= score) low = middle;
    else high = middle;
  }
  const x0 = x[low] as number;
  const x1 = x[high] as number;
  const y0 = y[low] as number;
  const y1 = y[high] as number;
  return y0 + ((y1 - y0) * (score - x0)) / (x1 - x0);
}
