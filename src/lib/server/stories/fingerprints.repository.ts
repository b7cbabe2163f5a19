/** Storing fingerprints and finding the stored articles that may tell the same story. */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { ArticleFingerprint, Fingerprint } from './fingerprint';
import { SIGNATURE_LENGTH } from './minhash';
import { TERM_BAND_OFFSET } from './lsh';
import { COVERAGE_THRESHOLD, MAX_CANDIDATES, STORY_WINDOW_DAYS } from './same-story';

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
export function insertFingerprint(
  trx: Kysely<Schema>,
  articleId: number,
  fingerprint: ArticleFingerprint
): Promise<void> {
  return insertFingerprints(trx, [{ articleId, fingerprint }]);
}

/** The same for several articles, in two statements whatever their number. */
export async function insertFingerprints(
  trx: Kysely<Schema>,
  articles: ReadonlyArray<{ articleId: number; fingerprint: ArticleFingerprint }>
): Promise<void> {
  if (articles.length === 0) return;
  await trx
    .insertInto('article_fingerprints')
    .values(
      articles.map(({ articleId, fingerprint }) => ({
        article_id: articleId,
        shingle_signature: sql<number[]>`${fingerprint.shingleSignature}::integer[]`,
        term_signature: sql<number[]>`${fingerprint.termSignature}::integer[]`,
        shingle_count: fingerprint.shingleCount,
        term_count: fingerprint.termCount
      }))
    )
    .execute();
  const banded = articles.flatMap(({ articleId, fingerprint }) =>
    fingerprint.bands.map(({ band, bucket }) => ({ articleId, band, bucket }))
  );
  if (banded.length === 0) return;
  // The story time is read here, next to the rows it keys, so no caller has to pass it.
  await sql`
    insert into article_lsh_bands (band, bucket, story_at, article_id)
    select q.band, q.bucket, coalesce(a.published_at, d.ingested_at), q.article_id
    from unnest(${banded.map((row) => row.band)}::smallint[],
      ${banded.map((row) => row.bucket)}::integer[],
      ${banded.map((row) => row.articleId)}::bigint[]) as q(band, bucket, article_id)
    join articles a on a.id = q.article_id
    join documents d on d.id = a.document_id`.execute(trx);
}

/** An article's story time: when it was published, else when its document was ingested. */
function storyTimeOf(articleId: number) {
  return sql<Date>`(
    select coalesce(a.published_at, d.ingested_at)
    from articles a join documents d on d.id = a.document_id
    where a.id = ${articleId})`;
}

function bandColumns(fingerprint: ArticleFingerprint): { bands: number[]; buckets: number[] } {
  return {
    bands: fingerprint.bands.map(({ band }) => band),
    buckets: fingerprint.bands.map(({ bucket }) => bucket)
  };
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
 * statement. Only articles whose story time lies within STORY_WINDOW_DAYS of this one's are
 * read: the (band, bucket, story_at) key turns each of the article's bands into one index
 * range, so the rows read depend on how much news the window holds, not on the corpus.
 * Counting the shared term buckets in SQL drops the articles that share a common word or
 * two, and settles coverage for the rest; of those left, the MAX_CANDIDATES sharing the most
 * bands (then the nearest in time) are kept, and signatures are fetched (and decoded) only
 * for the few that need the shingle comparison. Ungrouped articles are left out: `cli
 * stories rebuild` reaches them.
 */
export async function findCandidates(
  trx: Kysely<Schema>,
  articleId: number,
  fingerprint: ArticleFingerprint
): Promise<Candidate[]> {
  if (fingerprint.bands.length === 0) return [];
  const { bands, buckets } = bandColumns(fingerprint);
  const window = sql`make_interval(days => ${STORY_WINDOW_DAYS})`;
  const { rows } = await sql<CandidateRow>`
    with me as materialized (select ${storyTimeOf(articleId)} as at),
    shared as (
      select b.article_id, min(b.story_at) as story_at, count(*) as bands,
        count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) as terms
      from unnest(${bands}::smallint[], ${buckets}::integer[]) as q(band, bucket)
      join article_lsh_bands b
        on b.band = q.band and b.bucket = q.bucket
        and b.story_at between (select at from me) - ${window} and (select at from me) + ${window}
      where b.article_id <> ${articleId}
      group by b.article_id
      having count(*) filter (where b.band < ${TERM_BAND_OFFSET}) > 0
          or count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) >= ${MIN_SHARED_TERM_BUCKETS}
    ),
    strongest as (
      select s.article_id, a.story_group_id, s.terms
      from shared s
      join articles a on a.id = s.article_id
      where a.story_group_id is not null
      order by s.bands desc, abs(extract(epoch from s.story_at - (select at from me))),
        s.article_id
      limit ${MAX_CANDIDATES}
    )
    select s.article_id, s.story_group_id, s.terms >= ${MIN_SHARED_TERM_BUCKETS} as coverage,
      f.shingle_signature, f.term_signature
    from strongest s
    left join article_fingerprints f
      on f.article_id = s.article_id and s.terms < ${MIN_SHARED_TERM_BUCKETS}`.execute(trx);
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
