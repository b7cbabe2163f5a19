/**
 * What the report filter form needs, shared by /reports and /analytics: the filter's values
 * as the form shows them, and the choices (articles, outlets, story groups, statuses, labels).
 */
import type { Kysely } from 'kysely';
import { MODERATION_STATUSES } from '../../schemas/decision';
import type { ReportFilter } from '../../schemas/report-filter';
import { LABELS } from '../classify/types';
import { listArticlesWithCommentCounts } from '../corpus';
import type { Schema } from '../db/schema';
import { listStoryGroups } from '../stories';

export async function reportFilterOptions(db: Kysely<Schema>, filter: ReportFilter) {
  const [articles, storyGroups] = await Promise.all([
    listArticlesWithCommentCounts(db),
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
    articles: articles.map((article) => ({ id: article.id, title: article.title })),
    outlets,
    // Groups that compare outlets; a story seen once is just its article.
    stories: storyGroups
      .filter((group) => group.outletCount > 1 || group.id === filter.story)
      .map((group) => ({ id: group.id, title: group.title, outletCount: group.outletCount })),
    statuses: [...MODERATION_STATUSES],
    labels: [...LABELS]
  };
}
