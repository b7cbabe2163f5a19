/** storyComparison from the rollup: the per-article counts summed from day rows. */
import { sql } from 'kysely';
import type { AnalyticsScope } from '../scope';
import { compareStories, type StoryOutletRow } from '../story-comparison';
import { commentsWhere, flaggedAs, rollupSource, total } from './source';

export function rollupStoryComparison(scope: AnalyticsScope): Promise<StoryOutletRow[]> {
  const perArticle = rollupSource(scope)
    .select([
      'r.article_id',
      total(sql`r.comments`).as('comments'),
      total(sql`r.scored`).as('scored'),
      ...scope.labels.map((label) => commentsWhere(flaggedAs([label])).as(label))
    ])
    .groupBy('r.article_id');
  return compareStories(scope, perArticle.as('t'));
}
