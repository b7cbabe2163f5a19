/** Story groups as the CLI, the queue filter and the article page show them. */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface StoryGroupSummary {
  id: number;
  title: string | null;
  articleCount: number;
  /** Distinct known outlets; an article without one counts as its own. */
  outletCount: number;
}

export interface StoryGroupArticle {
  id: number;
  title: string | null;
  outlet: string | null;
  commentCount: number;
}

export interface StoryGroupListing extends StoryGroupSummary {
  articles: StoryGroupArticle[];
}

/**
 * A group's distinct outlets, over its articles joined as `a`: an article whose page named
 * no outlet counts as one of its own.
 */
export const distinctOutlets = sql<number>`count(distinct coalesce(a.outlet, 'article ' || a.id))::int`;

/**
 * Groups with at least `minArticles` articles, the largest first. Articles and outlets are
 * counted per group in one aggregate over articles_story_group_id.
 */
export async function listStoryGroups(
  db: Kysely<Schema>,
  { minArticles = 1 }: { minArticles?: number } = {}
): Promise<StoryGroupSummary[]> {
  return db
    .selectFrom('story_groups as g')
    .innerJoin('articles as a', 'a.story_group_id', 'g.id')
    .select(['g.id', 'g.title'])
    .select((eb) => [
      eb.fn.countAll<number>().as('articleCount'),
      distinctOutlets.as('outletCount')
    ])
    .groupBy(['g.id', 'g.title'])
    .having((eb) => eb.fn.countAll(), '>=', minArticles)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('g.id')
    .execute();
}

/** The articles of the given groups with their comment counts, oldest first. */
export async function listStoryGroupArticles(
  db: Kysely<Schema>,
  storyGroupIds: readonly number[]
): Promise<Array<StoryGroupArticle & { storyGroupId: number }>> {
  if (storyGroupIds.length === 0) return [];
  const rows = await db
    .selectFrom('articles as a')
    .select(['a.id', 'a.title', 'a.outlet', 'a.story_group_id as storyGroupId'])
    .select((eb) =>
      eb
        .selectFrom('comments as c')
        .whereRef('c.article_id', '=', 'a.id')
        .select(eb.fn.countAll<number>().as('count'))
        .as('commentCount')
    )
    .where('a.story_group_id', 'in', storyGroupIds)
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    ...row,
    storyGroupId: row.storyGroupId!,
    commentCount: row.commentCount ?? 0
  }));
}

/** Every group with its articles: what `cli stories` prints. */
export async function listStoryGroupsWithArticles(
  db: Kysely<Schema>,
  options: { minArticles?: number } = {}
): Promise<StoryGroupListing[]> {
  const groups = await listStoryGroups(db, options);
  const articles = await listStoryGroupArticles(
    db,
    groups.map((group) => group.id)
  );
  return groups.map((group) => ({
    ...group,
    articles: articles.filter((article) => article.storyGroupId === group.id)
  }));
}

/** The other articles of an article's story group (the article page's "Same story at"). */
export async function listSameStoryArticles(
  db: Kysely<Schema>,
  articleId: number
): Promise<StoryGroupArticle[]> {
  const article = await db
    .selectFrom('articles')
    .select('story_group_id')
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article?.story_group_id) return [];
  const members = await listStoryGroupArticles(db, [article.story_group_id]);
  return members
    .filter((member) => member.id !== articleId)
    .map(({ storyGroupId: _group, ...member }) => member);
}
