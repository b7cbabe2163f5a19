/** Comments of an article, stored in page order with their reply structure. */
import { sql, type Kysely } from 'kysely';
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

/**
 * Inserts the comments in order (position = index), replies linked to their parents, and
 * returns their ids in page order (ascending, so id order is page order too).
 *
 * Two statements whatever the number of comments: the ids are taken from the identity's
 * sequence first, so each reply's parent_id is known before its row is written and no
 * UPDATE has to revisit the rows (an UPDATE writes a second version of each reply, index
 * entries included: the text's trigram index makes that the dearest part of the insert).
 * The rows go in as one array per column (unnest), so the statement is the same size
 * whatever the count and never nears PostgreSQL's 65,535 bind parameters.
 */
export async function insertComments(
  trx: Kysely<Schema>,
  articleId: number,
  comments: readonly NewComment[]
): Promise<number[]> {
  const [ids] = await insertCommentsOfArticles(trx, [{ articleId, comments }]);
  return ids!;
}

/** The comments of several articles, the same way, in one pair of statements. */
export async function insertCommentsOfArticles(
  trx: Kysely<Schema>,
  threads: ReadonlyArray<{ articleId: number; comments: readonly NewComment[] }>
): Promise<number[][]> {
  const total = threads.reduce((sum, thread) => sum + thread.comments.length, 0);
  if (total === 0) return threads.map(() => []);
  // Depths first: a malformed thread throws before anything is written.
  const depths = threads.flatMap(({ comments }) =>
    depthsFromParents(comments.map((comment) => comment.parent))
  );
  const allIds = await allocateCommentIds(trx, total);
  // Consecutive slices of the ascending ids: each thread's ids ascend in page order.
  const idsOfThreads: number[][] = [];
  let next = 0;
  for (const { comments } of threads) {
    idsOfThreads.push(allIds.slice(next, next + comments.length));
    next += comments.length;
  }
  const rows = threads.flatMap(({ articleId, comments }, thread) =>
    comments.map((comment, position) => ({
      articleId,
      comment,
      position,
      ids: idsOfThreads[thread]!
    }))
  );
  const column = <T>(value: (row: (typeof rows)[number]) => T): T[] => rows.map(value);
  await trx
    .insertInto('comments')
    .columns([
      'id',
      'article_id',
      'position',
      'parent_id',
      'parent_position',
      'depth',
      'author',
      'posted_at',
      'posted_at_raw',
      'text'
    ])
    .expression(
      sql`select id, article_id, position, parent_id, parent_position, depth, author,
        posted_at, posted_at_raw, text
      from unnest(
        ${allIds}::bigint[],
        ${column((row) => row.articleId)}::bigint[],
        ${column((row) => row.position)}::integer[],
        ${column(({ comment, ids }) => (comment.parent === null ? null : ids[comment.parent]!))}::bigint[],
        ${column((row) => row.comment.parent)}::integer[],
        ${depths}::integer[],
        ${column((row) => row.comment.author)}::text[],
        ${column((row) => row.comment.postedAt?.toISOString() ?? null)}::timestamptz[],
        ${column((row) => row.comment.postedAtRaw)}::text[],
        ${column((row) => row.comment.text)}::text[]
      ) as row(id, article_id, position, parent_id, parent_position, depth, author, posted_at,
               posted_at_raw, text)`
    )
    .execute();
  return idsOfThreads;
}

/** `count` fresh comment ids, ascending; other sessions' ids may lie between them. */
async function allocateCommentIds(trx: Kysely<Schema>, count: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('comments', 'id')) as id
    from generate_series(1, ${count}::integer)`.execute(trx);
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
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
