/**
 * What the report filter form needs, shared by /reports and /analytics: the filter's values
 * as the form shows them, and the choices (articles, outlets, story groups, statuses, labels).
 */
import type { Kysely } from 'kysely';
import { MODERATION_STATUSES } from '../../schemas/decision';
import type { ReportFilter } from '../../schemas/report-filter';
import { LABELS } from '../classify/types';
import {
  listArticleChoices,
  listComparableStoryGroups,
  listOutlets
} from '../corpus/filter-choices';
import type { Schema } from '../db/schema';

export async function reportFilterOptions(db: Kysely<Schema>, filter: ReportFilter) {
  const [articles, outlets, storyGroups] = await Promise.all([
    listArticleChoices(db, { selected: filter.article }),
    listOutlets(db),
    listComparableStoryGroups(db, { selected: filter.story })
  ]);
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
    articles,
    outlets,
    // Groups that compare outlets; a story seen once is just its article.
    stories: storyGroups,
    statuses: [...MODERATION_STATUSES],
    labels: [...LABELS]
  };
}
