/**
 * Moderation: an append-only log of decisions, and each comment's current status derived
 * from it. Frozen in time: imports no app code, so the actions, reasons and statuses are
 * spelled out here as they were when this ran.
 *
 * - decisions is the audit log. A trigger refuses UPDATE and DELETE on both engines, so a
 *   decision once written stays as written (TRUNCATE, a deliberate wipe, is left alone).
 *   A moderator who acted on a version that was no longer current is recorded too, with
 *   conflict = true and the status unchanged. An undo names the decision it reverts.
 * - comment_moderation is a cache of that log (status, version, last decision), kept in the
 *   same transaction as every decision insert and locked (FOR UPDATE) while one is made;
 *   moderation/rebuild-status.ts recomputes it from decisions alone.
 * - pg_trgm: the queue's case-insensitive text search (ILIKE) uses a trigram index.
 */
import { sql, type Kysely } from 'kysely';

const ACTIONS = ['approve', 'remove', 'escalate', 'undo'];
const REASONS = ['spam', 'harassment', 'hate', 'antisemitism', 'threat', 'off_topic', 'other'];
const STATUSES = ['pending', 'approved', 'removed', 'escalated'];
const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];

const oneOf = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'bigint', (col) => col.generatedByDefaultAsIdentity().primaryKey())
    // No cascade: a comment with an audit trail can't be deleted out from under it.
    .addColumn('comment_id', 'bigint', (col) => col.notNull().references('comments.id'))
    .addColumn('moderator_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('status_before', 'text', (col) => col.notNull())
    .addColumn('status_after', 'text', (col) => col.notNull())
    // The version the moderator saw when acting.
    .addColumn('comment_version', 'integer', (col) => col.notNull())
    .addColumn('conflict', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('undoes_decision_id', 'bigint', (col) => col.references('decisions.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('decisions_action', sql`action in (${oneOf(ACTIONS)})`)
    .addCheckConstraint('decisions_reason', sql`reason in (${oneOf(REASONS)})`)
    .addCheckConstraint('decisions_remove_reason', sql`(action = 'remove') = (reason is not null)`)
    .addCheckConstraint(
      'decisions_statuses',
      sql`status_before in (${oneOf(STATUSES)}) and status_after in (${oneOf(STATUSES)})`
    )
    .addCheckConstraint(
      'decisions_conflict_unchanged',
      sql`not conflict or status_before = status_after`
    )
    // An applied undo names what it reverts; nothing else does.
    .addCheckConstraint(
      'decisions_undo_target',
      sql`(action = 'undo' and not conflict) = (undoes_decision_id is not null)`
    )
    .execute();
  // History of a comment, and the derivation (latest applied decision per comment).
  await db.schema
    .createIndex('decisions_comment_id_id')
    .on('decisions')
    .columns(['comment_id', 'id'])
    .execute();
  // A decision is undone at most once.
  await db.schema
    .createIndex('decisions_undoes_decision_id')
    .on('decisions')
    .column('undoes_decision_id')
    .unique()
    .where('undoes_decision_id', 'is not', null)
    .execute();
  // Outcomes over time (analytics) and per moderator (the users FK).
  await db.schema
    .createIndex('decisions_created_at')
    .on('decisions')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('decisions_moderator_id')
    .on('decisions')
    .column('moderator_id')
    .execute();
  await sql`
    create function decisions_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'decisions is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
    end
    $$`.execute(db);
  await sql`
    create trigger decisions_append_only before update or delete on decisions
    for each row execute function decisions_append_only()`.execute(db);

  await db.schema
    .createTable('comment_moderation')
    .addColumn('comment_id', 'bigint', (col) => col.primaryKey().references('comments.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_decision_id', 'bigint', (col) => col.references('decisions.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('comment_moderation_status', sql`status in (${oneOf(STATUSES)})`)
    .addCheckConstraint('comment_moderation_version', sql`version >= 0`)
    .execute();
  // The queue filtered by a decided status (approved / removed / escalated).
  await db.schema
    .createIndex('comment_moderation_status')
    .on('comment_moderation')
    .columns(['status', 'comment_id'])
    .execute();

  await queueFilterIndexes(db);
}

/** Indexes that let the queue's filters stop early instead of scanning every flagged comment. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function queueFilterIndexes(db: Kysely<any>): Promise<void> {
  // "Flagged as <label>", worst first: one partial index per label keeps the keyset order.
  for (const label of LABELS) {
    await db.schema
      .createIndex(`comment_scores_queue_${label}`)
      .on('comment_scores')
      .columns(['max_flagged_score desc', 'comment_id desc'])
      .where(sql<boolean>`${sql.lit(label)} = any(flagged)`)
      .execute();
  }
  await db.schema.createIndex('articles_outlet').on('articles').column('outlet').execute();
  // pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await db.schema
    .createIndex('comments_text_trgm')
    .on('comments')
    .using('gin')
    .expression(sql`text gin_trgm_ops`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  // The extension stays: other databases objects may come to use it.
  await db.schema.dropIndex('comments_text_trgm').execute();
  await db.schema.dropIndex('articles_outlet').execute();
  for (const label of LABELS) await db.schema.dropIndex(`comment_scores_queue_${label}`).execute();
  await db.schema.dropTable('comment_moderation').execute();
  await db.schema.dropTable('decisions').execute();
  await sql`drop function decisions_append_only()`.execute(db);
}
