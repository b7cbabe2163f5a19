/** Articles: one per successfully parsed document. */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface NewArticle {
  title: string | null;
  body: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: Date | null;
}

/** A row of the dashboard's article list. */
export interface ArticleListItem {
  id: number;
  documentId: number;
  title: string | null;
  outlet: string | null;
  /** The comment system of the page ('none' when it has no comment section). */
  format: string | null;
  commentCount: number;
  /** Comments the classifier has scored so far. */
  scoredCount: number;
  /** Scored comments with at least one label over its threshold. */
  flaggedCount: number;
  ingestedAt: Date;
}

export async function insertArticle(
  trx: Kysely<Schema>,
  documentId: number,
  article: NewArticle
): Promise<number> {
  const [id] = await insertArticles(trx, [{ documentId, article }]);
  return id!;
}

/** Inserts several articles in one statement; returns their ids in the order given. */
export async function insertArticles(
  trx: Kysely<Schema>,
  articles: ReadonlyArray<{ documentId: number; article: NewArticle }>
): Promise<number[]> {
  if (articles.length === 0) return [];
  const rows = await trx
    .insertInto('articles')
    .values(
      articles.map(({ documentId, article }) => ({
        document_id: documentId,
        title: article.title,
        body: article.body,
        outlet: article.outlet,
        byline: article.byline,
        published_at: article.publishedAt
      }))
    )
    .returning(['id', 'document_id'])
    .execute();
  // RETURNING's order is not promised; each document has one article, so match on it.
  const idOfDocument = new Map(rows.map((row) => [row.document_id, row.id]));
  return articles.map(({ documentId }) => idOfDocument.get(documentId)!);
}

/**
 * Every article with its comment count, in ingest order (oldest first unless `newestFirst`),
 * ties broken by id. The counts are correlated subqueries served by the (article_id,
 * position) index, so their cost follows the articles listed, not the size of the comments
 * table — but every article is listed: 10,000 articles over a million comments take
 * seconds. The home page reads listArticlePage instead.
 */
export async function listArticlesWithCommentCounts(
  db: Kysely<Schema>,
  { newestFirst = false }: { newestFirst?: boolean } = {}
): Promise<ArticleListItem[]> {
  const direction = newestFirst ? 'desc' : 'asc';
  const rows = await articlesWithCounts(db)
    .orderBy('documents.ingested_at', direction)
    .orderBy('articles.id', direction)
    .execute();
  return rows.map(withCounts);
}

export interface ArticlePage {
  articles: ArticleListItem[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/**
 * A page of articles, the most recently stored first (by id, which follows storage order),
 * continuing below the id `before`: a keyset page reads only its own articles' counts.
 */
export async function listArticlePage(
  db: Kysely<Schema>,
  { before, limit }: { before?: number; limit: number }
): Promise<ArticlePage> {
  const rows = await articlesWithCounts(db)
    .$if(before !== undefined, (query) => query.where('articles.id', '<', before!))
    .orderBy('articles.id', 'desc')
    .limit(limit + 1)
    .execute();
  const articles = rows.slice(0, limit).map(withCounts);
  return {
    articles,
    nextBefore: rows.length > limit ? (articles.at(-1)?.id ?? null) : null
  };
}

/** Past this many comments (by the planner's estimate) the home page states an estimate. */
const EXACT_COMMENT_COUNT_UP_TO = 100_000;

/**
 * How many articles and comments are stored, for the home page's heading. Counting a
 * million comments takes ~100 ms on two cores, longer than the rest of the page; past
 * EXACT_COMMENT_COUNT_UP_TO the statistics' row estimate (pg_class.reltuples, kept by
 * ANALYZE and autovacuum) is stated as "about".
 */
export async function countArticlesAndComments(
  db: Kysely<Schema>
): Promise<{ articles: number; comments: number; commentsEstimated: boolean }> {
  const { rows } = await sql<{ articles: string; estimate: number }>`
    select (select count(*) from articles) as articles,
      (select reltuples from pg_class where oid = 'comments'::regclass) as estimate`.execute(db);
  const articles = Number(rows[0]!.articles);
  const estimate = Number(rows[0]!.estimate);
  if (estimate > EXACT_COMMENT_COUNT_UP_TO)
    return { articles, comments: Math.round(estimate / 1000) * 1000, commentsEstimated: true };
  const { count } = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return { articles, comments: Number(count), commentsEstimated: false };
}

function articlesWithCounts(db: Kysely<Schema>) {
  return db
    .selectFrom('articles')
    .innerJoin('documents', 'documents.id', 'articles.document_id')
    .select([
      'articles.id',
      'articles.document_id as documentId',
      'articles.title',
      'articles.outlet',
      'documents.format',
      'documents.ingested_at as ingestedAt'
    ])
    .select((eb) =>
      eb
        .selectFrom('comments')
        .whereRef('comments.article_id', '=', 'articles.id')
        .select(eb.fn.countAll<number>().as('count'))
        .as('commentCount')
    )
    .select((eb) =>
      eb
        .selectFrom('comments')
        .innerJoin('comment_scores', 'comment_scores.comment_id', 'comments.id')
        .whereRef('comments.article_id', '=', 'articles.id')
        .select(eb.fn.countAll<number>().as('count'))
        .as('scoredCount')
    )
    .select((eb) =>
      eb
        .selectFrom('comments')
        .innerJoin('comment_scores', 'comment_scores.comment_id', 'comments.id')
        .whereRef('comments.article_id', '=', 'articles.id')
        // cardinality(), not array_length(): the latter is null for an empty array.
        .where(sql<boolean>`cardinality(comment_scores.flagged) > 0`)
        .select(eb.fn.countAll<number>().as('count'))
        .as('flaggedCount')
    );
}

type CountedRow = Omit<ArticleListItem, 'commentCount' | 'scoredCount' | 'flaggedCount'> & {
  commentCount: number | null;
  scoredCount: number | null;
  flaggedCount: number | null;
};

function withCounts(row: CountedRow): ArticleListItem {
  return {
    ...row,
    commentCount: row.commentCount ?? 0,
    scoredCount: row.scoredCount ?? 0,
    flaggedCount: row.flaggedCount ?? 0
  };
}

/** One article as its page shows it. */
export interface ArticleDetail {
  id: number;
  title: string | null;
  body: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: Date | null;
}

export function findArticleById(
  db: Kysely<Schema>,
  id: number
): Promise<ArticleDetail | undefined> {
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'body', 'outlet', 'byline', 'published_at as publishedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}
