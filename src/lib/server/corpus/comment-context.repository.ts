/**
 * One comment and its surroundings, for its page: the comment itself, the chain of
 * comments it replies to (root first) and the comments replying directly to it.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface ContextComment {
  id: number;
  articleId: number;
  parentId: number | null;
  depth: number;
  author: string | null;
  postedAt: Date | null;
  postedAtRaw: string | null;
  text: string;
}

const columns = [
  'c.id',
  'c.article_id as articleId',
  'c.parent_id as parentId',
  'c.depth',
  'c.author',
  'c.posted_at as postedAt',
  'c.posted_at_raw as postedAtRaw',
  'c.text'
] as const;

export function findCommentById(
  db: Kysely<Schema>,
  id: number
): Promise<ContextComment | undefined> {
  return db.selectFrom('comments as c').select(columns).where('c.id', '=', id).executeTakeFirst();
}

/**
 * The comments a comment replies to, from the thread's root down to its direct parent.
 * One recursive query, bounded by the comment's depth, instead of a round trip per level.
 */
export async function findParentChain(
  db: Kysely<Schema>,
  comment: Pick<ContextComment, 'parentId'>
): Promise<ContextComment[]> {
  if (comment.parentId === null) return [];
  const chain = await db
    .withRecursive('chain(id, parent_id)', (qb) =>
      qb
        .selectFrom('comments')
        .select(['id', 'parent_id'])
        .where('id', '=', comment.parentId!)
        .unionAll((union) =>
          union
            .selectFrom('comments as p')
            .innerJoin('chain', 'chain.parent_id', 'p.id')
            .select(['p.id', 'p.parent_id'])
        )
    )
    .selectFrom('comments as c')
    .innerJoin('chain', 'chain.id', 'c.id')
    .select(columns)
    .orderBy('c.depth')
    .execute();
  return chain;
}

/** The comments replying directly to this one, in page order. */
export function listDirectReplies(db: Kysely<Schema>, id: number): Promise<ContextComment[]> {
  return db
    .selectFrom('comments as c')
    .select(columns)
    .where('c.parent_id', '=', id)
    .orderBy('c.position')
    .execute();
}
