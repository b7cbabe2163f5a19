/**
 * The n-gram vs sentence-embedding comparison as a fixed-width table for the terminal and
 * the model card: per label, dev ROC-AUC and best F1 of each head and of their combination,
 * and what was kept.
 */
import type { MetricsFile } from './metrics-file';

const CHOICES = ['ngram', 'sentence', 'both'] as const;

export function formatComparison(metrics: MetricsFile): string {
  const header = [
    'label',
    ...CHOICES.flatMap((choice) => [`${choice} AUC`, `${choice} F1`]),
    'kept'
  ];
  const rows = Object.entries(metrics.comparison).map(([label, entry]) => {
    const report = metrics.labels[label];
    const kept = report?.kept ? report.heads : 'dropped';
    return [
      label,
      ...CHOICES.flatMap((choice) => {
        const cell = (
          entry as Partial<Record<string, { rocAuc: number | null; f1: number | null }>>
        )[choice];
        return [cell?.rocAuc?.toFixed(3) ?? '–', cell?.f1?.toFixed(3) ?? '–'];
      }),
      kept
    ];
  });
  return markdownTable(header, rows);
}

export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length))
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n'
  );
}
