/**
 * Logits → probabilities the way the model was trained. Multi-label models (toxic-bert:
 * one sigmoid per label) must not go through a softmax, which would make the labels compete
 * and cap a comment that is toxic *and* an insult at 0.5 each; single-label models
 * (the default problem type) are a softmax over the row.
 */

export const MULTI_LABEL = 'multi_label_classification';

export function probabilitiesFromLogits(
  logits: ArrayLike<number>,
  problemType: string | undefined
): number[] {
  const row = Array.from(logits);
  if (problemType === MULTI_LABEL) return row.map((logit) => 1 / (1 + Math.exp(-logit)));
  // Subtracting the max keeps exp() finite for large logits.
  const max = Math.max(...row);
  const exps = row.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
