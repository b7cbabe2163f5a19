/**
 * From matches to the component's result.
 *   scores: per label, the noisy-OR 1 − Π(1 − w) over matched entries, each entry counted
 *           once at its heaviest occurrence, so a slur typed five times does not outweigh
 *           five different coded terms; every label is present (0 when nothing matched);
 *   spans:  one per match, shown under the entry's heaviest label, its explanation as the
 *           reason (marked when the term was quoted or condemned);
 *   dampen: per label, the smallest factor asked for by an innocent use (Rothschild
 *           Boulevard, a shekel price) or by a mention's labels (unless a real use in the
 *           same text carries the label); absent when none.
 */
import { LABELS, type ComponentResult, type LabelScores, type Span } from '../types';
import { MENTION_DAMPEN } from './counterspeech';
import type { LexiconAnalysis, LexiconMatch } from './match';

const MENTION_NOTE =
  ' Here it is quoted, condemned or reported rather than used, so it weighs less.';

export function toComponentResult(analysis: LexiconAnalysis): ComponentResult {
  // Most comments match nothing: the same result as below, without the bookkeeping.
  if (analysis.matches.length === 0 && analysis.innocent.length === 0) {
    return { scores: zeroScores(), spans: [] };
  }
  const result: ComponentResult = {
    scores: noisyOrByEntry(analysis.matches),
    spans: analysis.matches.map(toSpan)
  };
  const dampen = dampenFactors(analysis);
  if (Object.keys(dampen).length > 0) result.dampen = dampen;
  return result;
}

function noisyOrByEntry(matches: readonly LexiconMatch[]): LabelScores {
  const heaviest = new Map<string, Partial<LabelScores>>();
  for (const match of matches) {
    const seen = heaviest.get(match.entryId) ?? {};
    for (const label of LABELS) {
      const weight = match.weights[label];
      if (weight !== undefined) seen[label] = Math.max(seen[label] ?? 0, weight);
    }
    heaviest.set(match.entryId, seen);
  }
  const scores = zeroScores();
  for (const label of LABELS) {
    let miss = 1;
    for (const weights of heaviest.values()) miss *= 1 - (weights[label] ?? 0);
    scores[label] = 1 - miss;
  }
  return scores;
}

function zeroScores(): LabelScores {
  // A loop rather than Object.fromEntries: this runs for every comment.
  const scores = {} as LabelScores;
  for (const label of LABELS) scores[label] = 0;
  return scores;
}

function toSpan(match: LexiconMatch): Span {
  return {
    start: match.start,
    end: match.end,
    label: match.label,
    reason: match.mention ? match.explanation + MENTION_NOTE : match.explanation,
    entryId: match.entryId
  };
}

function dampenFactors(analysis: LexiconAnalysis): Partial<LabelScores> {
  const dampen: Partial<LabelScores> = {};
  const lower = (label: keyof LabelScores, factor: number): void => {
    dampen[label] = Math.min(dampen[label] ?? 1, factor);
  };
  for (const use of analysis.innocent) {
    for (const label of LABELS) {
      const factor = use.dampen[label];
      if (factor !== undefined && factor < 1) lower(label, factor);
    }
  }
  // A mention lowers the model only on labels that no real use in the same text carries.
  const used = new Set(
    analysis.matches
      .filter((match) => !match.mention)
      .flatMap((match) => LABELS.filter((label) => (match.weights[label] ?? 0) > 0))
  );
  for (const match of analysis.matches) {
    if (!match.mention) continue;
    for (const label of LABELS) {
      if (match.weights[label] !== undefined && !used.has(label)) lower(label, MENTION_DAMPEN);
    }
  }
  return dampen;
}
