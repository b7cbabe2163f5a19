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
  const { id } = await trx
    .insertInto('articles')
    .values({
      document_id: documentId,
      title: article.title,
      body: article.body,
      outlet: article.outlet,
      byline: article.byline,
      published_at: article.publishedAt
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Every article with its comment count, in ingest order (oldest first unless `newestFirst`),
 * ties broken by id. The count is a correlated subquery served by the (article_id, position)
 * index, so its cost follows the articles listed, not the size of the comments table.
 */
export async function listArticlesWithCommentCounts(
  db: Kysely<Schema>,
  { newestFirst = false }: { newestFirst?: boolean } = {}
): Promise<ArticleListItem[]> {
  const direction = newestFirst ? 'desc' : 'asc';
  const rows = await db
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
    )
    .orderBy('documents.ingested_at', direction)
    .orderBy('articles.id', direction)
    .execute();
  return rows.map((row) => ({
    ...row,
    commentCount: row.commentCount ?? 0,
    scoredCount: row.scoredCount ?? 0,
    flaggedCount: row.flaggedCount ?? 0
  }));
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
