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
import { MODERATION_STATUSES } from '$lib/schemas/decision';
import { appDatabase } from '$lib/server/app-database';
import { LABELS } from '$lib/server/classify/types';
import { listArticlesWithCommentCounts } from '$lib/server/corpus';
import { recentExports, summarizeReport } from '$lib/server/reports';
import { listStoryGroups } from '$lib/server/stories';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await appDatabase();
  const parsed = reportFilterSchema.safeParse(reportFilterInput(url.searchParams));
  // A bad field shows its message above the preview of an unfiltered report.
  const filter = parsed.success ? parsed.data : reportFilterSchema.parse({});
  const [summary, articles, exports, storyGroups] = await Promise.all([
    summarizeReport(db, filter),
    listArticlesWithCommentCounts(db),
    recentExports(db),
    listStoryGroups(db)
  ]);
  const outlets = [
    ...new Set(articles.flatMap((article) => (article.outlet ? [article.outlet] : [])))
  ].sort((a, b) => a.localeCompare(b));
  return {
    values: {
      from: filter.from?.text ?? '',
      to: filter.to?.text ?? '',
      outlet: filter.outlet ?? '',
      article: filter.article ?? null,
      story: filter.story ?? null,
      status: filter.status as string[],
      label: filter.label as string[]
    },
    described: describeReportFilter(filter),
    issues: parsed.success ? [] : reportFilterIssues(parsed.error),
    summary,
    articles: articles.map((article) => ({ id: article.id, title: article.title })),
    outlets,
    // Groups that compare outlets; a story seen once is just its article.
    stories: storyGroups
      .filter((group) => group.outletCount > 1 || group.id === filter.story)
      .map((group) => ({ id: group.id, title: group.title, outletCount: group.outletCount })),
    statuses: [...MODERATION_STATUSES],
    labels: [...LABELS],
    exports
  };
};
