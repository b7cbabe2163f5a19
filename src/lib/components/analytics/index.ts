/** Every chart of the /analytics page, in the order the page shows them. */
import type { AnalyticsSeries } from '$lib/server/analytics';
import type { ChartSpec } from './chart-spec';
import {
  articleShareChart,
  authorsChart,
  codedTermsChart,
  outletShareChart,
  storyChart
} from './group-charts';
import { agreementChart, histogramChart, labelShareChart } from './label-charts';
import { activityChart, outcomesChart } from './time-charts';

export type { ChartSpec } from './chart-spec';

export function analyticsCharts(series: AnalyticsSeries): ChartSpec[] {
  return [
    histogramChart,
    labelShareChart,
    outletShareChart,
    articleShareChart,
    storyChart,
    authorsChart,
    codedTermsChart,
    activityChart,
    outcomesChart,
    agreementChart
  ].map((build) => build(series));
}
