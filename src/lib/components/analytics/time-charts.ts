/** Charts over time: comments and flags, moderation outcomes. */
import type { AnalyticsSeries } from '$lib/server/analytics';
import { seriesChart, type ChartSpec } from './chart-spec';

const unitOf = (rows: ReadonlyArray<{ unit: string }>) => rows[0]?.unit ?? 'day';

export function activityChart(series: AnalyticsSeries): ChartSpec {
  const rows = series.activity;
  return {
    id: 'activity',
    title: 'Comments and flags over time',
    caption: `Per ${unitOf(rows)} (UTC), by the comment's time, or its page's ingest time when the page gave none.`,
    config: seriesChart(
      'line',
      rows.map((row) => row.bucket),
      [
        { label: 'comments', data: rows.map((row) => row.comments) },
        { label: 'flagged', data: rows.map((row) => row.flagged) }
      ],
      { yTitle: 'comments' }
    ),
    table: {
      columns: [
        { key: 'bucket', title: `${unitOf(rows)} from` },
        { key: 'comments', title: 'Comments' },
        { key: 'flagged', title: 'Flagged' }
      ],
      rows: rows.map((row) => ({ ...row }))
    },
    empty: rows.length === 0
  };
}

export function outcomesChart(series: AnalyticsSeries): ChartSpec {
  const rows = series.outcomes;
  return {
    id: 'outcomes',
    title: 'Moderation outcomes over time',
    caption: `Decisions per ${unitOf(rows)} by the status they set; undos apart; conflicting decisions (which changed nothing) left out.`,
    config: seriesChart(
      'bar',
      rows.map((row) => row.bucket),
      [
        { label: 'approved', data: rows.map((row) => row.approved) },
        { label: 'removed', data: rows.map((row) => row.removed) },
        { label: 'escalated', data: rows.map((row) => row.escalated) },
        { label: 'undone', data: rows.map((row) => row.undone) }
      ],
      { stacked: true, yTitle: 'decisions' }
    ),
    table: {
      columns: [
        { key: 'bucket', title: `${unitOf(rows)} from` },
        { key: 'approved', title: 'Approved' },
        { key: 'removed', title: 'Removed' },
        { key: 'escalated', title: 'Escalated' },
        { key: 'undone', title: 'Undone' }
      ],
      rows: rows.map((row) => ({ ...row }))
    },
    empty: rows.length === 0
  };
}
