/**
 * How an author has fared across the whole corpus, shown next to each queue item: their
 * flagged comments and their removed ones. Authors are matched by name (the corpus knows
 * no accounts); comments_author serves the look-up, once per page for all its authors.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface AuthorStats {
  flagged: number;
  removed: number;
}

export async function authorStatsByName(
  db: Kysely<Schema>,
  authors: readonly string[]
): Promise<Map<string, AuthorStats>> {
  if (authors.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('comment_scores as s', 's.comment_id', 'c.id')
    .leftJoin('comment_moderation as m', 'm.comment_id', 'c.id')
    .select([
      'c.author',
      sql<number>`count(*) filter (where s.max_flagged_score is not null)`.as('flagged'),
      sql<number>`count(*) filter (where m.status = 'removed')`.as('removed')
    ])
    .where('c.author', 'in', [...new Set(authors)])
    .groupBy('c.author')
    .execute();
  return new Map(
    rows.map((row) => [row.author!, { flagged: Number(row.flagged), removed: Number(row.removed) }])
  );
}
