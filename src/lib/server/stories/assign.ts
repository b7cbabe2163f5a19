/**
 * Puts a newly stored article into its story group, inside the caller's transaction: the
 * article is fingerprinted, compared with the stored articles its LSH buckets name, and
 * joins the group of its matches (the lowest group id when it matches several, which are
 * merged into it: the article bridges them) or founds a group of its own.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { fingerprintArticle } from './fingerprint';
import { findCandidates, saveFingerprint } from './fingerprints.repository';
import { isSameStory, similarity } from './same-story';
import { foundStoryGroup, mergeStoryGroups, setStoryGroup } from './story-groups.repository';

/**
 * One transaction-scoped advisory lock serialises every grouping. Without it, two copies
 * of one story ingested at once on PostgreSQL would each miss the other (neither sees the
 * other's uncommitted fingerprint) and found two groups; with it, the second waits until
 * the first commits and then finds it. The lock is taken after the article's own rows are
 * written, so ingests still parse and store in parallel and only this last step queues.
 * PGlite has one connection, so there it never waits.
 */
const STORY_GROUPING_LOCK = 0x7374_6f72; // "stor"

export interface ArticleToGroup {
  id: number;
  title: string | null;
  body: string;
}

export async function assignStoryGroup(
  trx: Kysely<Schema>,
  article: ArticleToGroup
): Promise<number> {
  await sql`select pg_advisory_xact_lock(${STORY_GROUPING_LOCK})`.execute(trx);
  const fingerprint = fingerprintArticle(article);
  await saveFingerprint(trx, article.id, fingerprint);
  const candidates = await findCandidates(trx, article.id, fingerprint);
  const groups = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.storyGroupId === null) continue; // not grouped yet: rebuild reaches it later
    if (isSameStory(similarity(fingerprint, candidate))) groups.add(candidate.storyGroupId);
  }
  if (groups.size === 0) return foundStoryGroup(trx, article);
  const [survivor, ...absorbed] = [...groups].sort((a, b) => a - b) as [number, ...number[]];
  await mergeStoryGroups(trx, survivor, absorbed);
  await setStoryGroup(trx, article.id, survivor);
  return survivor;
}
