/**
 * /analytics: the report filter (a GET form, so a filtered view is a link to share) and
 * every analytics series for it, which the page draws with chart.js. Read-only.
 */
import {
  describeReportFilter,
  reportFilterInput,
  reportFilterIssues,
  reportFilterSchema
} from '$lib/schemas/report-filter';
import { analyticsSeries } from '$lib/server/analytics';
import { appDatabase } from '$lib/server/app-database';
import { reportFilterOptions } from '$lib/server/reports/filter-options';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await appDatabase();
  const parsed = reportFilterSchema.safeParse(reportFilterInput(url.searchParams));
  // A bad field shows its message above the charts of the unfiltered data.
  const filter = parsed.success ? parsed.data : reportFilterSchema.parse({});
  const [series, options] = await Promise.all([
    analyticsSeries(db, filter),
    reportFilterOptions(db, filter)
  ]);
  return {
    ...options,
    described: describeReportFilter(filter),
    issues: parsed.success ? [] : reportFilterIssues(parsed.error),
    series
  };
};
