/** Storing fingerprints and finding the stored articles that may tell the same story. */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { ArticleFingerprint, Fingerprint } from './fingerprint';
import { SIGNATURE_LENGTH } from './minhash';
import { TERM_BAND_OFFSET } from './lsh';
import { COVERAGE_THRESHOLD } from './same-story';

/** Replaces the article's fingerprint and LSH rows (recomputing is the same as computing). */
export async function saveFingerprint(
  trx: Kysely<Schema>,
  articleId: number,
  fingerprint: ArticleFingerprint
): Promise<void> {
  await trx.deleteFrom('article_lsh_bands').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_fingerprints').where('article_id', '=', articleId).execute();
  await trx
    .insertInto('article_fingerprints')
    .values({
      article_id: articleId,
      shingle_signature: sql<number[]>`${fingerprint.shingleSignature}::integer[]`,
      term_signature: sql<number[]>`${fingerprint.termSignature}::integer[]`,
      shingle_count: fingerprint.shingleCount,
      term_count: fingerprint.termCount
    })
    .execute();
  if (fingerprint.bands.length === 0) return;
  await trx
    .insertInto('article_lsh_bands')
    .values(fingerprint.bands.map(({ band, bucket }) => ({ band, bucket, article_id: articleId })))
    .execute();
}

export interface Candidate extends Fingerprint {
  articleId: number;
  storyGroupId: number | null;
}

/** Term buckets two articles must share for coverage to be possible at all. */
const MIN_SHARED_TERM_BUCKETS = Math.ceil(COVERAGE_THRESHOLD * SIGNATURE_LENGTH);

/**
 * Stored articles sharing a shingle band, or enough term buckets, with `fingerprint`. The
 * join against the (band, bucket) primary key touches only matching rows; counting the
 * shared term buckets in SQL drops the many articles that share a common word or two
 * before any signature leaves the database.
 */
export async function findCandidates(
  trx: Kysely<Schema>,
  articleId: number,
  fingerprint: ArticleFingerprint
): Promise<Candidate[]> {
  if (fingerprint.bands.length === 0) return [];
  const bands = fingerprint.bands.map(({ band }) => band);
  const buckets = fingerprint.bands.map(({ bucket }) => bucket);
  const shared = await sql<{ article_id: number }>`
    select b.article_id
    from article_lsh_bands b
    join unnest(${bands}::smallint[], ${buckets}::integer[]) as q(band, bucket)
      on b.band = q.band and b.bucket = q.bucket
    where b.article_id <> ${articleId}
    group by b.article_id
    having count(*) filter (where b.band < ${TERM_BAND_OFFSET}) > 0
        or count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) >= ${MIN_SHARED_TERM_BUCKETS}`.execute(
    trx
  );
  if (shared.rows.length === 0) return [];
  const rows = await trx
    .selectFrom('article_fingerprints as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .select([
      'f.article_id as articleId',
      'a.story_group_id as storyGroupId',
      'f.shingle_signature as shingleSignature',
      'f.term_signature as termSignature'
    ])
    .where(
      'f.article_id',
      'in',
      shared.rows.map((row) => row.article_id)
    )
    .execute();
  return rows;
}

/** Articles without a fingerprint (ingested before story groups existed), oldest first. */
export async function listUnfingerprintedArticles(
  db: Kysely<Schema>,
  limit: number
): Promise<Array<{ id: number; title: string | null; body: string }>> {
  return db
    .selectFrom('articles as a')
    .leftJoin('article_fingerprints as f', 'f.article_id', 'a.id')
    .select(['a.id', 'a.title', 'a.body'])
    .where('f.article_id', 'is', null)
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
