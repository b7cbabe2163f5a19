/** Story group rows: founding, joining and merging. */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

/** A group of one, founded by the article (the group takes its id and title). */
export async function foundStoryGroup(
  trx: Kysely<Schema>,
  article: { id: number; title: string | null }
): Promise<number> {
  await trx
    .insertInto('story_groups')
    .values({ id: article.id, title: article.title })
    // An article id is used once, so a row already there is left over from a wiped corpus
    // whose identity counter restarted: it describes nothing now and takes the new title.
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ title: article.title }))
    .execute();
  await setStoryGroup(trx, article.id, article.id);
  return article.id;
}

export async function setStoryGroup(
  trx: Kysely<Schema>,
  articleId: number,
  storyGroupId: number
): Promise<void> {
  await trx
    .updateTable('articles')
    .set({ story_group_id: storyGroupId })
    .where('id', '=', articleId)
    .execute();
}

/** Moves every article of `absorbed` into `survivor` and deletes the emptied groups. */
export async function mergeStoryGroups(
  trx: Kysely<Schema>,
  survivor: number,
  absorbed: readonly number[]
): Promise<void> {
  if (absorbed.length === 0) return;
  await trx
    .updateTable('articles')
    .set({ story_group_id: survivor })
    .where('story_group_id', 'in', absorbed)
    .execute();
  await trx.deleteFrom('story_groups').where('id', 'in', absorbed).execute();
}
