/**
 * A deterministic Classifier for the queue's tests, where the queue is under test and not
 * the classifier: toxicity is 0.4 per occurrence of `word` (capped at 1), every other
 * label 0, a span per occurrence, flagged at 0.5. Texts containing `failOn` make the call
 * throw, as a classifier choking on one comment would. Every call's texts are recorded.
 */
import type { Classification, Classifier, LabelScores } from '../../src/lib/server/classify/types';

export interface WordCountClassifier extends Classifier {
  readonly calls: string[][];
}

export interface WordCountOptions {
  word?: string;
  versions?: Record<string, string>;
  failOn?: string;
  /** Runs before each call returns: lets a test act while a batch is "being classified". */
  during?: (texts: readonly string[]) => Promise<void>;
}

const ZERO: LabelScores = {
  toxicity: 0,
  profanity: 0,
  insult: 0,
  threat: 0,
  identity_attack: 0,
  antisemitism: 0
};

export function wordCountClassifier({
  word = 'bad',
  versions = { lexicon: 'test-lexicon@1', model: 'test-model@1' },
  failOn,
  during
}: WordCountOptions = {}): WordCountClassifier {
  const calls: string[][] = [];
  const thresholds: LabelScores = {
    toxicity: 0.5,
    profanity: 0.5,
    insult: 0.5,
    threat: 0.5,
    identity_attack: 0.5,
    antisemitism: 0.5
  };
  return {
    versions,
    thresholds,
    calls,
    async classify(texts) {
      calls.push([...texts]);
      await during?.(texts);
      const poisoned = failOn === undefined ? undefined : texts.find((t) => t.includes(failOn));
      if (poisoned !== undefined) throw new Error(`cannot classify "${poisoned}"`);
      return texts.map((text) => classifyText(text, word, versions));
    }
  };
}

function classifyText(
  text: string,
  word: string,
  versions: Record<string, string>
): Classification {
  const starts = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => m.index);
  const toxicity = Math.min(1, 0.4 * starts.length);
  return {
    scores: { ...ZERO, toxicity },
    flagged: toxicity >= 0.5 ? ['toxicity'] : [],
    spans: starts.map((start) => ({
      start,
      end: start + word.length,
      label: 'toxicity' as const,
      reason: `the word "${word}"`
    })),
    versions
  };
}
