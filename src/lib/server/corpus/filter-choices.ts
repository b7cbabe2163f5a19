/**
 * The choices of the filter forms (/queue, /reports, /analytics): articles, outlets and
 * story groups. Read on every load of those pages, so each is a query over the small
 * articles/story_groups tables that never touches comments (listing every article with
 * its comment counts cost ~10× the queue query itself at 10,000 articles).
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { distinctOutlets } from '../stories/story-groups';

export interface ArticleChoice {
  id: number;
  title: string | null;
}

export interface StoryGroupChoice {
  id: number;
  title: string | null;
  /** Distinct outlets among its copies; a copy whose page named none counts on its own. */
  outletCount: number;
}

/** How many articles the select offers: a select of 10,000 options is unusable anyway. */
export const ARTICLE_CHOICES = 500;

/**
 * The latest-ingested articles, newest first, and the `selected` one wherever it is, so
 * a filter on an older article still shows as chosen.
 */
export async function listArticleChoices(
  db: Kysely<Schema>,
  { selected, limit = ARTICLE_CHOICES }: { selected?: number; limit?: number } = {}
): Promise<ArticleChoice[]> {
  // Article ids follow ingest order (one article per document, inserted with it).
  const latest = await db
    .selectFrom('articles')
    .select(['id', 'title'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (selected === undefined || latest.some((article) => article.id === selected)) return latest;
  const chosen = await db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where('id', '=', selected)
    .executeTakeFirst();
  return chosen ? [...latest, chosen] : latest;
}

/** Every outlet named by some article, alphabetically (served by articles_outlet). */
export async function listOutlets(db: Kysely<Schema>): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('outlet')
    .distinct()
    .where('outlet', 'is not', null)
    .execute();
  return rows.map((row) => row.outlet!).sort((a, b) => a.localeCompare(b));
}

/**
 * Story groups that compare outlets (copies from more than one), the most copies first,
 * and the `selected` group whatever its size, so a filter on it still shows as chosen.
 */
export async function listComparableStoryGroups(
  db: Kysely<Schema>,
  { selected }: { selected?: number } = {}
): Promise<StoryGroupChoice[]> {
  return db
    .selectFrom('story_groups as g')
    .innerJoin('articles as a', 'a.story_group_id', 'g.id')
    .select(['g.id', 'g.title', distinctOutlets.as('outletCount')])
    .groupBy(['g.id', 'g.title'])
    .$call((query) =>
      selected === undefined
        ? query.having(distinctOutlets, '>', 1)
        : query.having((eb) => eb.or([eb(distinctOutlets, '>', 1), eb('g.id', '=', selected)]))
    )
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('g.id')
    .execute();
}
