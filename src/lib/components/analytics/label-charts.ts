/** The per-label charts: score histogram, flagged share per label, classifier agreement. */
import type { AnalyticsSeries } from '$lib/server/analytics';
import { percent } from '../charts/chart-table';
import { asPercent, labelName, seriesChart, type ChartSpec } from './chart-spec';

export function histogramChart(series: AnalyticsSeries): ChartSpec {
  const bins = [...new Set(series.histogram.map((row) => row.bin))].sort((a, b) => a - b);
  const binName = (bin: number) => `${(bin / 20).toFixed(2)}–${((bin + 1) / 20).toFixed(2)}`;
  const count = (label: string, bin: number) =>
    series.histogram.find((row) => row.label === label && row.bin === bin)?.comments ?? 0;
  return {
    id: 'score-histogram',
    title: 'Score distribution per label',
    caption: 'Scored comments per score band of 0.05, one series per label.',
    config: seriesChart(
      'bar',
      bins.map(binName),
      series.labels.map((label) => ({
        label: labelName(label),
        data: bins.map((bin) => count(label, bin))
      })),
      { yTitle: 'comments' }
    ),
    table: {
      columns: [
        { key: 'band', title: 'Score band' },
        ...series.labels.map((label) => ({ key: label, title: labelName(label) }))
      ],
      rows: bins.map((bin) => ({
        band: binName(bin),
        ...Object.fromEntries(series.labels.map((label) => [label, count(label, bin)]))
      }))
    },
    empty: series.histogram.every((row) => row.comments === 0)
  };
}

export function labelShareChart(series: AnalyticsSeries): ChartSpec {
  const rows = series.flaggedShare.byLabel;
  return {
    id: 'flagged-by-label',
    title: 'Flagged share per label',
    caption: 'Of the scored comments, the percentage flagged as each label.',
    config: seriesChart(
      'bar',
      rows.map((row) => labelName(row.label)),
      [{ label: 'flagged %', data: rows.map((row) => asPercent(row.share)) }],
      { yTitle: '% of scored comments' }
    ),
    table: {
      columns: [
        { key: 'label', title: 'Label' },
        { key: 'scored', title: 'Scored' },
        { key: 'flagged', title: 'Flagged' },
        { key: 'share', title: 'Share' }
      ],
      rows: rows.map((row) => ({ ...row, label: labelName(row.label), share: percent(row.share) }))
    },
    empty: rows.every((row) => row.scored === 0)
  };
}

export function agreementChart(series: AnalyticsSeries): ChartSpec {
  const rows = series.agreement;
  return {
    id: 'agreement',
    title: 'Classifier–moderator agreement',
    caption:
      'Per label, of the flagged comments moderators removed or approved, the share they removed (precision); escalated and pending comments are not counted.',
    config: seriesChart(
      'bar',
      rows.map((row) => labelName(row.label)),
      [
        { label: 'precision %', data: rows.map((row) => asPercent(row.precision)) },
        { label: 'recall %', data: rows.map((row) => asPercent(row.recall)) }
      ],
      { yTitle: '%' }
    ),
    table: {
      columns: [
        { key: 'label', title: 'Label' },
        { key: 'truePositive', title: 'Flagged, removed' },
        { key: 'falsePositive', title: 'Flagged, approved' },
        { key: 'falseNegative', title: 'Not flagged, removed' },
        { key: 'trueNegative', title: 'Not flagged, approved' },
        { key: 'precision', title: 'Precision' },
        { key: 'recall', title: 'Recall' }
      ],
      rows: rows.map((row) => ({
        ...row,
        label: labelName(row.label),
        precision: percent(row.precision),
        recall: percent(row.recall)
      }))
    },
    empty: rows.every(
      (row) => row.truePositive + row.falsePositive + row.falseNegative + row.trueNegative === 0
    )
  };
}
