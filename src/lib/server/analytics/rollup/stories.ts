/** storyComparison from the rollup: the per-article counts summed from its rows. */
import { sql } from 'kysely';
import type { AnalyticsScope } from '../scope';
import {
  articlesOfGroups,
  compareStories,
  type PerArticleCounts,
  type StoryOutletRow
} from '../story-comparison';
import { commentsWhere, flaggedAs, rollupSource, total } from './source';

export function rollupStoryComparison(scope: AnalyticsScope): Promise<StoryOutletRow[]> {
  const perArticle: PerArticleCounts = (groups) =>
    rollupSource(scope)
      .$if(groups !== undefined, (query) =>
        query.where('r.article_id', 'in', articlesOfGroups(scope.db, groups!))
      )
      .select([
        'r.article_id',
        total(sql`r.comments`).as('comments'),
        total(sql`r.scored`).as('scored'),
        ...scope.labels.map((label) => commentsWhere(flaggedAs([label])).as(label))
      ])
      .groupBy('r.article_id')
      .as('t');
  return compareStories(scope, perArticle);
}
