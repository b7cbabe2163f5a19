/**
 * chart.js with only the parts the analytics charts use registered (bars and lines on
 * category and linear axes, legend and tooltips), so the client bundle stays small.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip
);

export { Chart };
export type { ChartConfiguration } from 'chart.js';

/** One colour per series, colour-blind-safe (Okabe–Ito), in a fixed order. */
export const SERIES_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442'
];
