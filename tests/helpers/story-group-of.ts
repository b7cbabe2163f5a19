/** The story group an article is in (null: not grouped yet), read straight from the table. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/lib/server/db/schema';

export async function groupOf(db: Kysely<Schema>, articleId: number): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select('story_group_id')
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  return row.story_group_id;
}
