/**
 * Story groups side by side: for each group of syndicated copies (two or more articles, see
 * server/stories) every outlet's copy, with the comments under it and how many were flagged per shown
 * label, so an analyst sees which outlet's readers answered the same story worst.
 */
import { sql, type AliasedExpression, type Kysely } from 'kysely';
import type { Label } from '../classify/types';
import type { Schema } from '../db/schema';
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

/**
 * Per article: comments, scored, and one column per shown label of flagged comments; of only
 * the articles of `groups` (story group ids) when given.
 */
export type PerArticleCounts = (
  groups?: readonly number[]
) => AliasedExpression<{ article_id: number; comments: number; scored: number }, 't'>;

/** The ids of the articles in these story groups, for a per-article query to keep. */
export const articlesOfGroups = (db: Kysely<Schema>, groups: readonly number[]) =>
  db.selectFrom('articles').select('id').where('story_group_id', 'in', groups);

export function storyComparison(scope: AnalyticsScope): Promise<StoryOutletRow[]> {
  const perArticle: PerArticleCounts = (groups) =>
    scopedComments(scope)
      .$if(groups !== undefined, (query) =>
        query.where('a.id', 'in', articlesOfGroups(scope.db, groups!))
      )
      .select([
        'a.id as article_id',
        sql<number>`count(*)::int`.as('comments'),
        sql<number>`count(s.comment_id)::int`.as('scored'),
        ...scope.labels.map((label) =>
          countWhere(sql`${sql.lit(label)} = any(s.flagged)`).as(label)
        )
      ])
      .groupBy('a.id')
      .as('t');
  return compareStories(scope, perArticle);
}

/**
 * The groups' rows from per-article counts, live or from the rollup. First the shown groups,
 * ranked by their comments alone (PostgreSQL computes only the sum the ranking reads), then
 * their copies' counts from only their articles: ranking and counting every group's copies
 * at once cost nearly twice as much at a million comments (9,000 rows grouped by outlet to
 * show ~700).
 */
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
  const copies = (counts: ReturnType<PerArticleCounts>) =>
    db
      .selectFrom('articles as a')
      .innerJoin('story_groups as g', 'g.id', 'a.story_group_id')
      .leftJoin(counts, 't.article_id', 'a.id')
      .where('a.story_group_id', 'in', comparedGroups)
      .$if(filter.outlet !== undefined, (query) => query.where('a.outlet', '=', filter.outlet!))
      .$if(filter.article !== undefined, (query) => query.where('a.id', '=', filter.article!))
      .$if(filter.story !== undefined, (query) =>
        query.where('a.story_group_id', '=', filter.story!)
      );
  const shown = await copies(perArticle())
    .select('g.id')
    .groupBy('g.id')
    .orderBy(sql`sum(t.comments) desc nulls last`)
    .orderBy('g.id')
    .limit(TOP_STORIES)
    .execute();
  if (shown.length === 0) return [];
  const groups = shown.map((group) => group.id);

  const total = (column: string) => sql<number>`coalesce(sum(${sql.ref(`t.${column}`)}), 0)::int`;
  const unnamedCopy = sql<number | null>`case when a.outlet is null then a.id end`;
  const rows = await copies(perArticle(groups))
    .where('g.id', 'in', groups)
    .select([
      'g.id as storyGroupId',
      'g.title as storyTitle',
      'a.outlet',
      unnamedCopy.as('articleId'),
      total('comments').as('comments'),
      total('scored').as('scored'),
      ...labels.map((label) => total(label).as(label))
    ])
    .groupBy(['g.id', 'g.title', 'a.outlet', unnamedCopy])
    .orderBy(sql`sum(sum(t.comments)) over (partition by g.id) desc nulls last`)
    .orderBy('g.id')
    .orderBy('a.outlet')
    .orderBy(unnamedCopy)
    .execute();
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
