/** What a chart card draws: built from the server's rows by analytics/*-charts.ts. */
import type { ChartConfiguration } from '../charts/chart-setup';
import { SERIES_COLOURS } from '../charts/chart-setup';
import type { ChartTable } from '../charts/chart-table';

export interface ChartSpec {
  id: string;
  title: string;
  caption: string;
  config: ChartConfiguration;
  table: ChartTable;
  empty: boolean;
}

export interface Series {
  label: string;
  data: number[];
}

/** A bar (or line) chart of several series over shared categories. */
export function seriesChart(
  type: 'bar' | 'line',
  categories: string[],
  series: Series[],
  { stacked = false, yTitle = '', horizontal = false } = {}
): ChartConfiguration {
  return {
    type,
    data: {
      labels: categories,
      datasets: series.map((one, index) => ({
        label: one.label,
        data: one.data,
        backgroundColor: SERIES_COLOURS[index % SERIES_COLOURS.length],
        borderColor: SERIES_COLOURS[index % SERIES_COLOURS.length]
      }))
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales: {
        x: { stacked },
        y: { stacked, beginAtZero: true, title: { display: yTitle !== '', text: yTitle } }
      }
    }
  } as ChartConfiguration;
}

/** A share in [0, 1] as a percentage for a chart axis (0 when nothing was counted). */
export const asPercent = (value: number | null | undefined) =>
  value === null || value === undefined ? 0 : Math.round(value * 1000) / 10;

export const labelName = (label: string) => label.replace('_', ' ');
