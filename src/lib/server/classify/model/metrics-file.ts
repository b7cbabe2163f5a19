/**
 * `metrics.json` next to the weights: the dev-split evidence for the kept model (per label:
 * heads, AUC, precision / recall / F1 at the chosen threshold, counts, AUC per source), the
 * n-gram vs sentence-embedding comparison, and what was dropped or never scored and why.
 * The model card is rendered from this object, so the two never disagree.
 */
import type { Label } from '../types';
import type { TrainResult } from './train-model';

export const METRICS_FILE = 'metrics.json';

/** Labels no dataset gives verdicts for: the lexicon scores them, the model does not. */
export const UNSCORED_LABELS: Partial<Record<Label, string>> = {
  profanity: 'no dataset labels profanity; scored by the lexicon only',
  insult: 'no dataset labels insults (attacks on a person, not a group); scored by the lexicon only'
};

export interface TrainingRun {
  data: string;
  seed: number;
  devFraction: number;
  embedSample: number;
  combineMargin: number;
  trainedAt: string;
  seconds: number;
  weightBytes: number;
}

export type MetricsFile = ReturnType<typeof buildMetricsFile>;

export function buildMetricsFile(result: TrainResult, run: TrainingRun) {
  const round = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
  const labels = Object.fromEntries(
    Object.entries(result.reports).map(([label, report]) => [
      label,
      {
        kept: result.model.labels[label as Label] !== undefined,
        heads: report.heads,
        calibration: result.model.labels[label as Label]?.calibration.method ?? null,
        rocAuc: round(report.rocAuc),
        rocAucLower95: round(report.rocAucLower95),
        threshold: round(report.threshold),
        precision: round(report.precision),
        recall: round(report.recall),
        f1: round(report.f1),
        devPositives: report.devPositives,
        devNegatives: report.devNegatives,
        perSource: Object.fromEntries(
          Object.entries(report.perSource).map(([source, entry]) => [
            source,
            { ...entry, rocAuc: round(entry.rocAuc) }
          ])
        )
      }
    ])
  );
  const comparison = Object.fromEntries(
    Object.entries(result.comparison).map(([label, entry]) => [
      label,
      Object.fromEntries(
        Object.entries(entry).map(([choice, metrics]) => [
          choice,
          { rocAuc: round(metrics.rocAuc), f1: round(metrics.f1) }
        ])
      )
    ])
  );
  return {
    model: result.model.name,
    version: result.model.version,
    encoder: result.model.encoder,
    run: { ...run, rows: result.rows },
    labels,
    comparison,
    dropped: result.dropped,
    notScored: UNSCORED_LABELS
  };
}
