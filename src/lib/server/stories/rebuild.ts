/**
 * Recomputing story groups: for databases ingested before story groups existed, and after
 * a change to the fingerprint or the thresholds.
 *
 * rebuildStoryGroups forgets every group and fingerprint and groups every article again in
 * id order, in one transaction. Groups are the connected components of the same-story
 * relation and a group's id is its oldest article's id, so the result (ids included) does
 * not depend on the order articles arrived in: running it twice changes nothing, and it
 * matches what ingesting the same articles one by one gives.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { assignStoryGroup } from './assign';
import { listUnfingerprintedArticles } from './fingerprints.repository';

/** Articles read per query, so memory stays flat on a large corpus. */
const BATCH = 200;

export async function rebuildStoryGroups(db: Kysely<Schema>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('articles').set({ story_group_id: null }).execute();
    await trx.deleteFrom('story_groups').execute();
    await trx.deleteFrom('article_lsh_bands').execute();
    await trx.deleteFrom('article_fingerprints').execute();
    return groupUnfingerprinted(trx);
  });
}

/**
 * Groups only the articles without a fingerprint (what `serve` runs at start, cheap when
 * there are none), each in its own transaction like an ingest.
 */
export async function groupMissingArticles(db: Kysely<Schema>): Promise<number> {
  let grouped = 0;
  for (;;) {
    const articles = await listUnfingerprintedArticles(db, BATCH);
    for (const article of articles) {
      await db.transaction().execute((trx) => assignStoryGroup(trx, article));
    }
    grouped += articles.length;
    if (articles.length < BATCH) return grouped;
  }
}

async function groupUnfingerprinted(trx: Kysely<Schema>): Promise<number> {
  let grouped = 0;
  for (;;) {
    const articles = await listUnfingerprintedArticles(trx, BATCH);
    for (const article of articles) await assignStoryGroup(trx, article);
    grouped += articles.length;
    if (articles.length < BATCH) return grouped;
  }
}
