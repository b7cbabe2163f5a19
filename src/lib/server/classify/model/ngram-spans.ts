/**
 * Spans that explain an n-gram head's score: the words of the comment whose own features
 * (the word and its character n-grams) push the label's logit up the most. Found on the
 * original text, so offsets are into the comment as stored; each word is normalised the
 * way the features see it. Bigrams are left out: a span is one word a moderator can see.
 */
import type { Label, Span } from '../types';
import { wordFeatureCounts, type HashingOptions } from './feature-hashing';
import type { LinearModel } from './logistic-regression';
import { normaliseForFeatures, tokenise } from './text-normalise';

export const MODEL_SPAN_REASON = 'weighed by the model';
/** At most this many words per flagged label: a few highlights, not a heat map. */
const MAX_SPANS_PER_LABEL = 3;
/** Words and punctuation runs, as in the feature tokeniser, but on the raw text. */
const RAW_TOKEN = /[\p{L}\p{N}_'@]+|[^\s\p{L}\p{N}_'@]+/gu;

export function explainNgramHead(
  text: string,
  label: Label,
  head: LinearModel,
  hashing: HashingOptions
): Span[] {
  const contributions: { start: number; end: number; weight: number }[] = [];
  for (const match of text.matchAll(RAW_TOKEN)) {
    let weight = 0;
    for (const token of tokenise(normaliseForFeatures(match[0]))) {
      for (const [index, count] of wordFeatureCounts(token, hashing)) {
        weight += (head.weights[index] ?? 0) * count;
      }
    }
    if (weight > 0)
      contributions.push({ start: match.index, end: match.index + match[0].length, weight });
  }
  return contributions
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SPANS_PER_LABEL)
    .sort((a, b) => a.start - b.start)
    .map(({ start, end }) => ({ start, end, label, reason: MODEL_SPAN_REASON }));
}
