/**
 * Scores for every stored comment written directly with SQL, NOT by the classifier: running
 * the classifier over a million comments takes longer than a benchmark run should (see the
 * classify stage for its throughput). The queue and analytics stages need scored comments at
 * scale, and their server time depends on how many rows there are and how many are flagged,
 * not on where the scores came from.
 *
 * Each label's score is a deterministic pseudo-random function of the comment id (a hash,
 * so reruns give the same data); about 4 % of comments are flagged toxic, 1.5 % insult,
 * 1 % antisemitism (with a lexicon span naming an entry, so the coded-terms chart has data).
 * Existing scores (from the worker stage) are replaced.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../lib/server/db/schema';

const CODED_ENTRIES = ['echo-triple-parentheses', 'goyim-know', 'early-life-section', 'zog'];

export async function writeSyntheticScores(
  db: Kysely<Schema>
): Promise<{ scored: number; flagged: number; seconds: number }> {
  const started = performance.now();
  await sql`delete from comment_scores`.execute(db);
  // u(n): a uniform draw in [0, 1) from the comment id and a per-label salt n.
  const u = (salt: number) =>
    sql`((hashint8(c.id * 7919 + ${sql.lit(salt)})::bigint & 2147483647)::double precision / 2147483648)`;
  await sql`
    insert into comment_scores
      (comment_id, toxicity, profanity, insult, threat, identity_attack, antisemitism,
       flagged, spans, versions, model_version, lexicon_version)
    select id, toxicity, profanity, insult, threat, identity_attack, antisemitism,
      array_remove(array[
        case when toxicity >= 0.57 then 'toxicity' end,
        case when insult >= 0.5 then 'insult' end,
        case when antisemitism >= 0.33 then 'antisemitism' end
      ], null),
      case when antisemitism >= 0.33 then jsonb_build_array(jsonb_build_object(
        'start', 0, 'end', 4, 'label', 'antisemitism', 'reason', 'synthetic benchmark span',
        'entryId', (${sql.val(CODED_ENTRIES)}::text[])[1 + (id % ${sql.lit(CODED_ENTRIES.length)})]))
      else '[]'::jsonb end,
      '{"bench": "synthetic-scores"}'::jsonb, 'bench-synthetic', 'bench-synthetic'
    from (
      select c.id,
        case when ${u(1)} < 0.04 then 0.6 + 0.4 * ${u(2)} else 0.55 * ${u(2)} end as toxicity,
        0.3 * ${u(3)} as profanity,
        case when ${u(4)} < 0.015 then 0.5 + 0.5 * ${u(5)} else 0.45 * ${u(5)} end as insult,
        0.2 * ${u(6)} as threat,
        0.3 * ${u(7)} as identity_attack,
        case when ${u(8)} < 0.01 then 0.35 + 0.65 * ${u(9)} else 0.3 * ${u(9)} end as antisemitism
      from comments c
    ) as drawn`.execute(db);
  await sql`update classification_jobs set status = 'done', finished_at = now() where status <> 'done'`.execute(
    db
  );
  // As autovacuum would after a bulk write: statistics for the planner, and the visibility
  // map the queue's index-only scans need (without it they read every score row's page).
  await sql`vacuum analyze comment_scores, classification_jobs`.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ scored: string; flagged: string }>`
    select count(*) as scored, count(max_flagged_score) as flagged from comment_scores`.execute(db);
  const row = counts.rows[0]!;
  return {
    scored: Number(row.scored),
    flagged: Number(row.flagged),
    seconds: (performance.now() - started) / 1000
  };
}
