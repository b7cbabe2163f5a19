/**
 * Maps a Hugging Face model's labels (config.json `id2label`) onto ours. The defaults cover
 * toxic-bert / Detoxify (Jigsaw's six labels and their "unbiased" variants) and the usual
 * binary toxic classifiers; a model folder's `threadwatch-labels.json` overrides them.
 * Model labels we have no use for are ignored; labels of ours the model cannot score are
 * left out of `scores`, so fusion does not read them as "certainly clean".
 */
import { z } from 'zod';
import { LABELS, type Label, type LabelScores } from '../types';

/** Keys are normalised model label names (see `normaliseLabelName`). */
const DEFAULT_LABEL_MAP: Readonly<Record<string, Label>> = {
  toxic: 'toxicity',
  toxicity: 'toxicity',
  // Severe toxicity is toxicity too; several model labels on one of ours take the max.
  severe_toxic: 'toxicity',
  severe_toxicity: 'toxicity',
  obscene: 'profanity',
  profanity: 'profanity',
  // Detoxify's "unbiased" model replaces obscene with sexual_explicit; it is the nearest.
  sexual_explicit: 'profanity',
  threat: 'threat',
  insult: 'insult',
  identity_hate: 'identity_attack',
  identity_attack: 'identity_attack',
  antisemitism: 'antisemitism'
};

/**
 * `threadwatch-labels.json`: model label name → our label, or null to ignore it. Needed
 * for models whose labels say nothing (`LABEL_1` of a binary toxic/non-toxic model).
 */
export const LabelOverridesSchema = z.record(z.string(), z.enum(LABELS).nullable());
export type LabelOverrides = z.infer<typeof LabelOverridesSchema>;

/** "Identity Hate", "identity-hate" and "identity_hate" are the same label. */
export function normaliseLabelName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** For each logit index, the label of ours it feeds, or undefined when it is ignored. */
export function buildLabelMap(
  id2label: Readonly<Record<string, string>>,
  overrides: LabelOverrides = {}
): (Label | undefined)[] {
  const normalisedOverrides = new Map(
    Object.entries(overrides).map(([name, label]) => [normaliseLabelName(name), label])
  );
  const size = Math.max(-1, ...Object.keys(id2label).map(Number)) + 1;
  return Array.from({ length: size }, (_, index) => {
    const modelLabel = id2label[String(index)];
    if (modelLabel === undefined) return undefined;
    const name = normaliseLabelName(modelLabel);
    if (normalisedOverrides.has(name)) return normalisedOverrides.get(name) ?? undefined;
    return DEFAULT_LABEL_MAP[name];
  });
}

/** The probabilities of one text, as our labels; the max where several feed one label. */
export function scoresFromProbabilities(
  probabilities: ArrayLike<number>,
  labelMap: readonly (Label | undefined)[]
): Partial<LabelScores> {
  const scores: Partial<LabelScores> = {};
  labelMap.forEach((label, index) => {
    const probability = probabilities[index];
    if (label === undefined || probability === undefined || !Number.isFinite(probability)) return;
    scores[label] = Math.max(scores[label] ?? 0, Math.min(1, Math.max(0, probability)));
  });
  return scores;
}

/** Which of our labels the model scores, for `models list` and the component's checks. */
export function mappedLabels(labelMap: readonly (Label | undefined)[]): Label[] {
  return LABELS.filter((label) => labelMap.includes(label));
}
