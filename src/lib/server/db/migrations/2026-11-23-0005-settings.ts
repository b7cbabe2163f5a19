/**
 * Settings that admins change in the app, and a general audit log. Frozen in time: imports
 * no app code, so the labels are spelled out as they were when this ran.
 *
 * - label_thresholds: a threshold per label set on the settings page. It overrides
 *   models/thresholds.json; configuration (THREADWATCH_THRESHOLD_<LABEL>) still wins.
 * - lexicon_entries: entries admins added, each a whole lexicon entry as JSON (validated
 *   by the lexicon's zod schema before it is written), on top of the shipped file.
 * - lexicon_edits: changes to any entry, shipped or added (disable, a new explanation or
 *   weights), layered on with applyLexiconEdits. Workers see them on their next batch and
 *   they reach stored scores when comments are re-scored.
 * - audit_events: who did what outside moderation decisions (settings changes, users,
 *   tokens, exports), append-only like decisions.
 */
import { sql, type Kysely } from 'kysely';

const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];

const oneOf = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('label_thresholds')
    .addColumn('label', 'text', (col) => col.primaryKey())
    .addColumn('threshold', 'double precision', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('label_thresholds_label', sql`label in (${oneOf(LABELS)})`)
    .addCheckConstraint('label_thresholds_range', sql`threshold >= 0 and threshold <= 1`)
    .execute();

  await db.schema
    .createTable('lexicon_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entry', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('lexicon_entries_id', sql`entry->>'id' = id`)
    .execute();

  await db.schema
    .createTable('lexicon_edits')
    .addColumn('entry_id', 'text', (col) => col.primaryKey())
    .addColumn('disabled', 'boolean')
    .addColumn('explanation', 'text')
    .addColumn('weights', 'jsonb')
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigint', (col) => col.generatedByDefaultAsIdentity().primaryKey())
    // Null: done from the CLI or by the system, not by a signed-in user.
    .addColumn('user_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('detail', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('audit_events_created_at')
    .on('audit_events')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('audit_events_action_created_at')
    .on('audit_events')
    .columns(['action', 'created_at'])
    .execute();
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await sql`drop function audit_events_append_only()`.execute(db);
  await db.schema.dropTable('lexicon_edits').execute();
  await db.schema.dropTable('lexicon_entries').execute();
  await db.schema.dropTable('label_thresholds').execute();
}
