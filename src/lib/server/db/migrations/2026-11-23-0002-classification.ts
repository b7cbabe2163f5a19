/**
 * Classification: a queue of jobs that workers claim with leases (`FOR UPDATE SKIP LOCKED`),
 * and the latest verdict per comment. Frozen in time: imports no app code, so the labels
 * are spelled out here as they were when this ran.
 *
 * - classification_jobs keeps one pending (queued or running) job per comment at most, and
 *   its finished jobs as history. `attempts` counts claims, a lease that expired included,
 *   so a comment that kills every worker that takes it ends up failed, not retried forever.
 * - comment_scores has a column per label so SQL can filter, sort and aggregate them; the
 *   flagged labels as text[] (GIN: "flagged as antisemitism"), and a generated
 *   max_flagged_score (btree: the review queue, worst first) that can't drift from them.
 */
import { sql, type Kysely } from 'kysely';

const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classification_jobs')
    .addColumn('id', 'bigint', (col) => col.generatedByDefaultAsIdentity().primaryKey())
    .addColumn('comment_id', 'bigint', (col) =>
      col.notNull().references('comments.id').onDelete('cascade')
    )
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addColumn('last_error', 'text')
    // A retried job waits until then, so a passing outage does not use up its attempts.
    .addColumn('available_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('enqueued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint(
      'classification_jobs_status',
      sql`status in ('queued', 'running', 'done', 'failed')`
    )
    .addCheckConstraint('classification_jobs_attempts', sql`attempts >= 0`)
    // A running job always has a lease; no other status has one.
    .addCheckConstraint(
      'classification_jobs_lease',
      sql`(status = 'running') = (lease_expires_at is not null)`
    )
    .execute();
  // At most one pending job per comment: enqueueing twice is a no-op (ON CONFLICT … DO NOTHING).
  await db.schema
    .createIndex('classification_jobs_pending_comment')
    .on('classification_jobs')
    .column('comment_id')
    .unique()
    .where(sql.ref('status'), 'in', ['queued', 'running'])
    .execute();
  // The claim scans this in id order; finished jobs (the bulk of the table) are not in it.
  await db.schema
    .createIndex('classification_jobs_claimable')
    .on('classification_jobs')
    .column('id')
    .where(sql.ref('status'), 'in', ['queued', 'running'])
    .execute();

  await db.schema
    .createTable('comment_scores')
    .addColumn('comment_id', 'bigint', (col) =>
      col.primaryKey().references('comments.id').onDelete('cascade')
    )
    .$call((table) =>
      LABELS.reduce(
        (withLabels, label) =>
          withLabels.addColumn(label, 'double precision', (col) =>
            col.notNull().check(sql`${sql.ref(label)} between 0 and 1`)
          ),
        table
      )
    )
    .addColumn('flagged', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('max_flagged_score', 'double precision', (col) =>
      col
        .generatedAlwaysAs(
          sql`greatest(${sql.join(
            LABELS.map(
              (label) => sql`case when ${sql.lit(label)} = any(flagged) then ${sql.ref(label)} end`
            )
          )})`
        )
        .stored()
    )
    .addColumn('spans', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'`))
    .addColumn('versions', 'jsonb', (col) => col.notNull())
    .addColumn('model_version', 'text')
    .addColumn('lexicon_version', 'text')
    .addColumn('scored_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'comment_scores_flagged',
      sql`flagged <@ array[${sql.join(LABELS.map((label) => sql.lit(label)))}]::text[]`
    )
    .addCheckConstraint('comment_scores_versions', sql`jsonb_typeof(versions) = 'object'`)
    .execute();
  await db.schema
    .createIndex('comment_scores_flagged')
    .on('comment_scores')
    .using('gin')
    .column('flagged')
    .execute();
  // The review queue: flagged comments, worst first, paginated by (max_flagged_score, comment_id).
  await db.schema
    .createIndex('comment_scores_max_flagged')
    .on('comment_scores')
    .columns(['max_flagged_score desc', 'comment_id desc'])
    .where('max_flagged_score', 'is not', null)
    .execute();

  // Comments stored before this migration are queued like newly ingested ones.
  await sql`insert into classification_jobs (comment_id) select id from comments order by id`.execute(
    db
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_scores').execute();
  await db.schema.dropTable('classification_jobs').execute();
}
