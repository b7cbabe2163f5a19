/**
 * The classifier's contract, shared by every component (lexicon, trained model,
 * transformers.js backend), the fusion rule, the CLI and the job worker.
 *
 * Scores are probabilities in [0, 1]; spans are UTF-16 offsets into the comment text as
 * stored (what `String.prototype.slice` takes), never into a normalised copy.
 */

export const LABELS = [
  'toxicity',
  'profanity',
  'insult',
  'threat',
  'identity_attack',
  'antisemitism'
] as const;

export type Label = (typeof LABELS)[number];

export type LabelScores = Record<Label, number>;

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

/** A stretch of the comment that explains a score. */
export interface Span {
  start: number;
  end: number;
  label: Label;
  /** What a moderator reads: the matched term's meaning, or why the model weighed it. */
  reason: string;
  /** The lexicon entry that matched, when a lexicon entry is the source. */
  entryId?: string;
}

/** What one component says about one text. A label it does not score is absent. */
export interface ComponentResult {
  scores: Partial<LabelScores>;
  spans: Span[];
  /**
   * Lexicon only: per label, a factor in (0, 1] that multiplies the other components'
   * score, where context shows an innocent use (Rothschild Boulevard, the shekel as a
   * currency, counter-speech quoting a slur). Absent means 1.
   */
  dampen?: Partial<LabelScores>;
}

/**
 * A scorer of texts. `scoreBatch` returns one result per text, in order. Components are
 * loaded once and reused; `version` is stored with every score so a re-score can tell
 * which comments an older model or lexicon scored.
 */
export interface ClassifierComponent {
  /** 'lexicon', 'model', 'transformers'. */
  readonly kind: string;
  /** e.g. 'threadwatch-lexicon@3', 'threadwatch-ngram@2026-11-23', 'Xenova/toxic-bert'. */
  readonly version: string;
  scoreBatch(texts: readonly string[]): Promise<ComponentResult[]>;
}

/** The fused verdict on one text: what the CLI prints and the worker stores. */
export interface Classification {
  scores: LabelScores;
  /** Labels whose score is at or over that label's threshold, in LABELS order. */
  flagged: Label[];
  spans: Span[];
  /** Component kind → version, for every component that took part. */
  versions: Record<string, string>;
}

/**
 * The assembled classifier (src/lib/server/classify/index.ts: `createClassifier()`): every
 * component present, fused by one rule, with the per-label thresholds in force.
 */
export interface Classifier {
  /** Component kind → version, stored with every score. */
  readonly versions: Record<string, string>;
  readonly thresholds: LabelScores;
  /** One Classification per text, in order. */
  classify(texts: readonly string[]): Promise<Classification[]>;
}
