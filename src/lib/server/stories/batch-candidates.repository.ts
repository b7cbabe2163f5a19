/**
 * findCandidates for a whole batch of articles that one transaction has just inserted, in
 * one statement instead of one per article. The rule per article is findCandidates'
 * (shared bands within the story window, coverage settled in SQL, the MAX_CANDIDATES
 * strongest kept), with one difference forced by answering for all at once: grouping goes
 * in batch order, so for the batch's k-th article its earlier siblings count as grouped
 * (they will be by the time it is grouped) and its later ones do not, even though none
 * has a group in the table yet. The caller supplies the siblings' groups.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { ArticleFingerprint } from './fingerprint';
import type { Candidate } from './fingerprints.repository';
import { SIGNATURE_LENGTH } from './minhash';
import { TERM_BAND_OFFSET } from './lsh';
import { COVERAGE_THRESHOLD, MAX_CANDIDATES, STORY_WINDOW_DAYS } from './same-story';

const MIN_SHARED_TERM_BUCKETS = Math.ceil(COVERAGE_THRESHOLD * SIGNATURE_LENGTH);

interface BatchCandidateRow {
  for_id: number;
  article_id: number;
  story_group_id: number | null;
  coverage: boolean;
  shingle_signature: number[] | null;
  term_signature: number[] | null;
}

type BatchArticles = ReadonlyArray<{ id: number; fingerprint: ArticleFingerprint }>;

/** Candidates by article id; a sibling's storyGroupId is null (it has none stored yet). */
export async function findCandidatesOfBatch(
  trx: Kysely<Schema>,
  articles: BatchArticles
): Promise<Map<number, Candidate[]>> {
  const found = new Map<number, Candidate[]>(articles.map(({ id }) => [id, []]));
  if (articles.every(({ fingerprint }) => fingerprint.bands.length === 0)) return found;
  const { rows } = await batchCandidatesQuery(articles).execute(trx);
  for (const row of rows) found.get(Number(row.for_id))!.push(toCandidate(row));
  return found;
}

/** The statement alone, exported so a test can check its plan. */
export function batchCandidatesQuery(articles: BatchArticles) {
  const banded = articles.flatMap(({ id, fingerprint }) =>
    fingerprint.bands.map(({ band, bucket }) => ({ id, band, bucket }))
  );
  const window = sql`make_interval(days => ${STORY_WINDOW_DAYS})`;
  return sql<BatchCandidateRow>`
    with batch as materialized (
      select b.id, b.ord, coalesce(a.published_at, d.ingested_at) as at
      from unnest(${articles.map(({ id }) => id)}::bigint[]) with ordinality as b(id, ord)
      join articles a on a.id = b.id
      join documents d on d.id = a.document_id
    ),
    shared as (
      select q.id as for_id, b.article_id, min(b.story_at) as story_at, count(*) as bands,
        count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) as terms
      from unnest(${banded.map((row) => row.id)}::bigint[],
        ${banded.map((row) => row.band)}::smallint[],
        ${banded.map((row) => row.bucket)}::integer[]) as q(id, band, bucket)
      join batch me on me.id = q.id
      -- A lateral subquery behind OFFSET 0, so the story window is part of each band's index
      -- range. As a plain join the planner read every stored row of the (band, bucket) and
      -- filtered by time after: for common term buckets, rows that grow with the corpus
      -- (~150 a band at a million comments, 22 in 23 of them outside the window).
      cross join lateral (
        select b.article_id, b.band, b.story_at
        from article_lsh_bands b
        where b.band = q.band and b.bucket = q.bucket
          and b.story_at between me.at - ${window} and me.at + ${window}
          and b.article_id <> q.id
        offset 0
      ) b
      group by q.id, b.article_id
      having count(*) filter (where b.band < ${TERM_BAND_OFFSET}) > 0
          or count(*) filter (where b.band >= ${TERM_BAND_OFFSET}) >= ${MIN_SHARED_TERM_BUCKETS}
    ),
    ranked as (
      select s.for_id, s.article_id, a.story_group_id, s.terms,
        row_number() over (partition by s.for_id
          order by s.bands desc, abs(extract(epoch from s.story_at - me.at)), s.article_id) as rank
      from shared s
      join batch me on me.id = s.for_id
      join articles a on a.id = s.article_id
      left join batch sibling on sibling.id = s.article_id
      where (sibling.id is null and a.story_group_id is not null) or sibling.ord < me.ord
    )
    select r.for_id, r.article_id, r.story_group_id,
      r.terms >= ${MIN_SHARED_TERM_BUCKETS} as coverage, f.shingle_signature, f.term_signature
    from ranked r
    left join article_fingerprints f
      on f.article_id = r.article_id and r.terms < ${MIN_SHARED_TERM_BUCKETS}
    where r.rank <= ${MAX_CANDIDATES}
    order by r.for_id, r.rank`;
}

function toCandidate(row: BatchCandidateRow): Candidate {
  const candidate = { articleId: Number(row.article_id), storyGroupId: row.story_group_id };
  if (row.coverage) return { ...candidate, coverage: true };
  if (row.shingle_signature === null || row.term_signature === null)
    throw new Error(`Article ${row.article_id} has LSH bands but no fingerprint`);
  return {
    ...candidate,
    coverage: false,
    shingleSignature: row.shingle_signature,
    termSignature: row.term_signature
  };
}
