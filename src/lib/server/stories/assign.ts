/**
 * Puts a newly stored article into its story group, inside the caller's transaction: the
 * article is fingerprinted, compared with the stored articles its LSH buckets name, and
 * joins the group of its matches (the lowest group id when it matches several, which are
 * merged into it: the article bridges them) or founds a group of its own.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { fingerprintArticle, type ArticleFingerprint } from './fingerprint';
import { findCandidates, insertFingerprint, saveFingerprint } from './fingerprints.repository';
import { isSameStory, similarity } from './same-story';
import { foundStoryGroup, mergeStoryGroups, setStoryGroup } from './story-groups.repository';

/**
 * One transaction-scoped advisory lock serialises every grouping. Without it, two copies
 * of one story ingested at once on PostgreSQL would each miss the other (neither sees the
 * other's uncommitted fingerprint) and found two groups; with it, the second waits until
 * the first commits and then finds it. The lock is taken after the article's own rows and
 * fingerprint are written (the fingerprint is best computed before the transaction, see
 * ingestDocument), so ingests still parse, hash and store in parallel and only the
 * candidate look-up and the group update queue. PGlite has one connection, so there it
 * never waits.
 */
export const STORY_GROUPING_LOCK = 0x7374_6f72; // "stor"

export interface ArticleToGroup {
  id: number;
  title: string | null;
  body: string;
}

export interface GroupingOptions {
  /** The article's fingerprint, when the caller computed it already (outside a transaction). */
  fingerprint?: ArticleFingerprint;
  /**
   * The article was inserted by this transaction, so no other can be writing its fingerprint:
   * it is inserted before the lock is taken (and nothing older needs deleting), keeping the
   * serialised part short. Regrouping an existing article must leave this false.
   */
  inserted?: boolean;
}

export async function assignStoryGroup(
  trx: Kysely<Schema>,
  article: ArticleToGroup,
  { fingerprint = fingerprintArticle(article), inserted = false }: GroupingOptions = {}
): Promise<number> {
  if (inserted) await insertFingerprint(trx, article.id, fingerprint);
  await sql`select pg_advisory_xact_lock(${STORY_GROUPING_LOCK})`.execute(trx);
  if (!inserted) await saveFingerprint(trx, article.id, fingerprint);
  return joinOrFoundGroup(trx, article, fingerprint);
}

/** Joins the group of the article's matches (merging them when several), or founds one. */
async function joinOrFoundGroup(
  trx: Kysely<Schema>,
  article: ArticleToGroup,
  fingerprint: ArticleFingerprint
): Promise<number> {
  const candidates = await findCandidates(trx, article.id, fingerprint);
  const groups = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.storyGroupId === null) continue; // not grouped yet: rebuild reaches it later
    if (candidate.coverage || isSameStory(similarity(fingerprint, candidate)))
      groups.add(candidate.storyGroupId);
  }
  if (groups.size === 0) return foundStoryGroup(trx, article);
  const [survivor, ...absorbed] = [...groups].sort((a, b) => a - b) as [number, ...number[]];
  await mergeStoryGroups(trx, survivor, absorbed);
  await setStoryGroup(trx, article.id, survivor);
  return survivor;
}
