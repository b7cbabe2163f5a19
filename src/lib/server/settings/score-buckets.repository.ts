/**
 * What the threshold preview needs, as SQL aggregates rather than rows: per label, the
 * stored scores counted in buckets of a thousandth (floor(score · 1000), 0…1000), each with
 * how many of its comments moderators removed (the flag was right) or approved (the flag
 * was wrong). The browser sums the buckets at or over a candidate value to preview it.
 *
 *   select floor(s.<label> * 1000)::int as bucket, count(*) as total,
 *          count(*) filter (where m.status = 'removed') as removed,
 *          count(*) filter (where m.status = 'approved') as approved
 *   from comment_scores s left join comment_moderation m on m.comment_id = s.comment_id
 *   group by 1 order by 1
 */
import { sql, type Kysely } from 'kysely';
import type { ScoreBucket } from '../../components/settings/threshold-preview';
import { LABELS, type Label } from '../classify/types';
import type { Schema } from '../db/schema';

export async function scoreBuckets(db: Kysely<Schema>, label: Label): Promise<ScoreBucket[]> {
  const bucket = sql<number>`floor(${sql.ref(`s.${label}`)} * 1000)::int`;
  const rows = await db
    .selectFrom('comment_scores as s')
    .leftJoin('comment_moderation as m', 'm.comment_id', 's.comment_id')
    .select([
      bucket.as('bucket'),
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where m.status = 'removed')`.as('removed'),
      sql<string>`count(*) filter (where m.status = 'approved')`.as('approved')
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => ({
    bucket: Number(row.bucket),
    total: Number(row.total),
    removed: Number(row.removed),
    approved: Number(row.approved)
  }));
}

/** How many stored verdicts flag each label now. */
export async function flaggedCounts(db: Kysely<Schema>): Promise<Record<Label, number>> {
  const row = await db
    .selectFrom('comment_scores')
    .select(
      LABELS.map((label) =>
        sql<string>`count(*) filter (where ${sql.lit(label)} = any(flagged))`.as(label)
      )
    )
    .executeTakeFirstOrThrow();
  return Object.fromEntries(LABELS.map((label) => [label, Number(row[label])])) as Record<
    Label,
    number
  >;
}
