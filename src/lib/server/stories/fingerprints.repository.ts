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
  await insertFingerprint(trx, articleId, fingerprint);
}

/** The fingerprint and LSH rows of an article that has none yet. */
export async function insertFingerprint(
  trx: Kysely<Schema>,
  articleId: number,
  fingerprint: ArticleFingerprint
): Promise<void> {
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

/**
 * A stored article that may tell the same story. `coverage` is true when the two share
 * enough term buckets: a term bucket is one signature position's value, so the count is
 * exactly the number of equal positions and decides the coverage route without the
 * signatures. Only the others (found through a shingle band) carry their signatures, for
 * the comparison in JS.
 */
export type Candidate = { articleId: number; storyGroupId: number | null } & (
  { coverage: true } | ({ coverage: false } & Fingerprint)
);

/** Term buckets two articles must share for coverage to be possible at all. */
const MIN_SHARED_TERM_BUCKETS = Math.ceil(COVERAGE_THRESHOLD * SIGNATURE_LENGTH);

interface CandidateRow {
  article_id: number;
  story_group_id: number | null;
  coverage: boolean;
  shingle_signature: number[] | null;
  term_signature: number[] | null;
}

/**
 * Stored articles sharing a shingle band, or enough term buckets, with `fingerprint`, in one
 * statement. The join against the (band, bucket) primary key touches only matching rows;
 * counting the shared term buckets in SQL drops the articles that share a common word or
 * two, and settles coverage for the rest, so signatures are fetched (and decoded) only for
 * the few candidates that need the shingle comparison. Ungrouped articles are left out:
 * `cli stories rebuild` reaches them.
 */
export async function findCandidates(
  trx: Kysely<Schema>,
  articleId: number,
  fingerprint: ArticleFingerprint
): Promise<Candidate[]> {
  if (fingerprint.bands.length === 0) return [];
  const bands = fingerprint.bands.map(({ band }) => band);
  const buckets = fingerprint.bands.map(({ bucket }) => bucket);
  const { rows } = await sql<CandidateRow>`
    with shared as (
      select b.article_id, count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) as terms
      from article_lsh_bands b
      join unnest(${bands}::smallint[], ${buckets}::integer[]) as q(band, bucket)
        on b.band = q.band and b.bucket = q.bucket
      where b.article_id <> ${articleId}
      group by b.article_id
      having count(*) filter (where b.band < ${TERM_BAND_OFFSET}) > 0
          or count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) >= ${MIN_SHARED_TERM_BUCKETS}
    )
    select s.article_id, a.story_group_id, s.terms >= ${MIN_SHARED_TERM_BUCKETS} as coverage,
      f.shingle_signature, f.term_signature
    from shared s
    join articles a on a.id = s.article_id
    left join article_fingerprints f
      on f.article_id = s.article_id and s.terms < ${MIN_SHARED_TERM_BUCKETS}
    where a.story_group_id is not null`.execute(trx);
  return rows.map(toCandidate);
}

function toCandidate(row: CandidateRow): Candidate {
  const found = { articleId: row.article_id, storyGroupId: row.story_group_id };
  if (row.coverage) return { ...found, coverage: true };
  if (row.shingle_signature === null || row.term_signature === null)
    throw new Error(`Article ${row.article_id} has LSH bands but no fingerprint`);
  return {
    ...found,
    coverage: false,
    shingleSignature: row.shingle_signature,
    termSignature: row.term_signature
  };
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
