/**
 * /reports: choose a filter (a GET form, so a filtered report is a link to share), see what
 * the export would contain, download it as CSV, JSON or PDF (the buttons submit the same
 * form to /api/v1/reports/[kind]), and see who exported what lately.
 */
import {
  describeReportFilter,
  reportFilterInput,
  reportFilterIssues,
  reportFilterSchema
} from '$lib/schemas/report-filter';
import { appDatabase } from '$lib/server/app-database';
import { recentExports, summarizeReport } from '$lib/server/reports';
import { reportFilterOptions } from '$lib/server/reports/filter-options';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await appDatabase();
  const parsed = reportFilterSchema.safeParse(reportFilterInput(url.searchParams));
  // A bad field shows its message above the preview of an unfiltered report.
  const filter = parsed.success ? parsed.data : reportFilterSchema.parse({});
  const [summary, options, exports] = await Promise.all([
    summarizeReport(db, filter),
    reportFilterOptions(db, filter),
    recentExports(db)
  ]);
  return {
    ...options,
    described: describeReportFilter(filter),
    issues: parsed.success ? [] : reportFilterIssues(parsed.error),
    summary,
    exports
  };
};
