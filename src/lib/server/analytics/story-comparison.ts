/**
 * Story groups side by side: for each group of syndicated copies (two or more articles, see
 * server/stories) every outlet's copy, with the comments under it and how many were flagged per shown
 * label, so an analyst sees which outlet's readers answered the same story worst.
 */
import { sql, type AliasedExpression, type InferResult } from 'kysely';
import type { Label } from '../classify/types';
import { countWhere, scopedComments, share, type AnalyticsScope } from './scope';

export interface StoryOutletRow {
  storyGroupId: number;
  storyTitle: string | null;
  outlet: string | null;
  /** Set for a copy whose page named no outlet: each such copy is its own column. */
  articleId: number | null;
  comments: number;
  scored: number;
  /** Per shown label: flagged comments and their share of the scored ones. */
  flagged: Partial<Record<Label, number>>;
  share: Partial<Record<Label, number | null>>;
}

/** Groups shown, the most commented first. */
export const TOP_STORIES = 10;

/** Per article: comments, scored, and one column per shown label of flagged comments. */
export type PerArticleCounts = AliasedExpression<
  { article_id: number; comments: number; scored: number },
  't'
>;

export function storyComparison(scope: AnalyticsScope): Promise<StoryOutletRow[]> {
  const perArticle = scopedComments(scope)
    .select([
      'a.id as article_id',
      sql<number>`count(*)::int`.as('comments'),
      sql<number>`count(s.comment_id)::int`.as('scored'),
      ...scope.labels.map((label) => countWhere(sql`${sql.lit(label)} = any(s.flagged)`).as(label))
    ])
    .groupBy('a.id');
  return compareStories(scope, perArticle.as('t'));
}

/** The groups' rows from per-article counts, live or from the rollup. */
export async function compareStories(
  scope: AnalyticsScope,
  perArticle: PerArticleCounts
): Promise<StoryOutletRow[]> {
  const { db, labels, filter } = scope;
  const comparedGroups = db
    .selectFrom('articles')
    .select('story_group_id')
    .where('story_group_id', 'is not', null)
    .groupBy('story_group_id')
    .having(sql`count(*)`, '>', 1);
  // Per article first, then per outlet from the articles: a copy whose page had no comments
  // (or none the filter keeps) still stands beside the others, with zeros.
  const total = (column: string) => sql<number>`coalesce(sum(${sql.ref(`t.${column}`)}), 0)::int`;
  const unnamedCopy = sql<number | null>`case when a.outlet is null then a.id end`;
  const perOutlet = db
    .selectFrom('articles as a')
    .innerJoin('story_groups as g', 'g.id', 'a.story_group_id')
    .leftJoin(perArticle, 't.article_id', 'a.id')
    .where('a.story_group_id', 'in', comparedGroups)
    .$if(filter.outlet !== undefined, (query) => query.where('a.outlet', '=', filter.outlet!))
    .$if(filter.article !== undefined, (query) => query.where('a.id', '=', filter.article!))
    .$if(filter.story !== undefined, (query) => query.where('a.story_group_id', '=', filter.story!))
    .select([
      'g.id as storyGroupId',
      'g.title as storyTitle',
      'a.outlet',
      unnamedCopy.as('articleId'),
      total('comments').as('comments'),
      total('scored').as('scored'),
      sql<number>`(sum(sum(t.comments)) over (partition by g.id))`.as('groupComments'),
      ...labels.map((label) => total(label).as(label))
    ])
    .groupBy(['g.id', 'g.title', 'a.outlet', unnamedCopy]);
  // Only the shown groups' rows leave the database: every group's would be ~9,000 rows at
  // a million comments, parsed only to be dropped. A group's rows share its rank.
  const { rows } = await sql<InferResult<typeof perOutlet>[number]>`
    select * from (
      select x.*, dense_rank() over (order by x."groupComments" desc nulls last, x."storyGroupId")
        as group_rank
      from (${perOutlet}) as x
    ) as ranked
    where group_rank <= ${sql.lit(TOP_STORIES)}
    order by "groupComments" desc nulls last, "storyGroupId", outlet, "articleId"`.execute(db);
  return rows.map((row) => {
    const counts = row as unknown as Record<string, number>;
    return {
      storyGroupId: row.storyGroupId,
      storyTitle: row.storyTitle,
      outlet: row.outlet,
      articleId: row.articleId,
      comments: row.comments,
      scored: row.scored,
      flagged: Object.fromEntries(labels.map((label) => [label, counts[label]!])),
      share: Object.fromEntries(labels.map((label) => [label, share(counts[label]!, row.scored)]))
    };
  });
}
