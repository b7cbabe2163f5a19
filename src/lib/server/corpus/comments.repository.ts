/** Comments of an article, stored in page order with their reply structure. */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { depthsFromParents } from './thread-depths';

export interface NewComment {
  author: string | null;
  postedAt: Date | null;
  postedAtRaw: string | null;
  /** 0-based index (in the same list) of the comment this one replies to, or null. */
  parent: number | null;
  text: string;
}

export interface StoredComment {
  id: number;
  articleId: number;
  position: number;
  parentId: number | null;
  parentPosition: number | null;
  depth: number;
  author: string | null;
  postedAt: Date | null;
  postedAtRaw: string | null;
  text: string;
}

/** 10 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_INSERT = 1_000;

/**
 * Inserts the comments in order (position = index) and links replies to their parents.
 * Rows go in with the parent's position; one UPDATE then resolves parent_id, because a
 * multi-row INSERT can't refer to ids it is still generating. Returns how many were stored.
 */
export async function insertComments(
  trx: Kysely<Schema>,
  articleId: number,
  comments: readonly NewComment[]
): Promise<number> {
  const depths = depthsFromParents(comments.map((comment) => comment.parent));
  const rows = comments.map((comment, position) => ({
    article_id: articleId,
    position,
    parent_position: comment.parent,
    depth: depths[position]!,
    author: comment.author,
    posted_at: comment.postedAt,
    posted_at_raw: comment.postedAtRaw,
    text: comment.text
  }));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx
      .insertInto('comments')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute();
  }
  if (comments.some((comment) => comment.parent !== null)) {
    await linkRepliesToParents(trx, articleId);
  }
  return rows.length;
}

async function linkRepliesToParents(trx: Kysely<Schema>, articleId: number): Promise<void> {
  await trx
    .updateTable('comments as reply')
    .from('comments as parent')
    .set((eb) => ({ parent_id: eb.ref('parent.id') }))
    .where('reply.article_id', '=', articleId)
    .whereRef('parent.article_id', '=', 'reply.article_id')
    .whereRef('parent.position', '=', 'reply.parent_position')
    .execute();
}

/** The comments of an article in page order. */
export function listCommentsOfArticle(
  db: Kysely<Schema>,
  articleId: number
): Promise<StoredComment[]> {
  return db
    .selectFrom('comments')
    .select([
      'id',
      'article_id as articleId',
      'position',
      'parent_id as parentId',
      'parent_position as parentPosition',
      'depth',
      'author',
      'posted_at as postedAt',
      'posted_at_raw as postedAtRaw',
      'text'
    ])
    .where('article_id', '=', articleId)
    .orderBy('position')
    .execute();
}
