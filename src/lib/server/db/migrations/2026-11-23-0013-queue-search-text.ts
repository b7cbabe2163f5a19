/**
 * The queue's text search gets its own small trigram index. comments_text_trgm indexed the
 * text of every comment, yet the queue only ever lists scored comments that are flagged
 * (pending) or carry a decision, a few percent of them; keeping the index up to date was
 * three quarters of the cost of storing comments, paid at ingest for text nobody searches.
 *
 * queue_search_texts holds a copy of the text of every comment the queue can list: a
 * comment enters when its score row is written flagged or its status becomes other than
 * pending (statement triggers on comment_scores and comment_moderation, whoever writes
 * them, so the classifier, re-flagging and decisions need no code of their own), and stays.
 * Never deleting keeps the triggers free of races between a re-score and a decision (both
 * would have to read the other's uncommitted row); a comment re-scored below its
 * thresholds keeps a row the queue's own conditions then filter out. Comment text is never
 * edited, so the copy cannot go stale; deleting a comment cascades.
 * Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table queue_search_texts (
      comment_id bigint primary key references comments (id) on delete cascade,
      text text not null
    )`.execute(db);
  await sql`
    insert into queue_search_texts (comment_id, text)
    select c.id, c.text from comments c
    where exists (select 1 from comment_scores s
                  where s.comment_id = c.id and s.max_flagged_score is not null)
       or exists (select 1 from comment_moderation m
                  where m.comment_id = c.id and m.status <> 'pending')`.execute(db);
  await sql`create index queue_search_texts_trgm on queue_search_texts
    using gin (text gin_trgm_ops)`.execute(db);
  await sql`drop index comments_text_trgm`.execute(db);

  // One function per source table, shared by its INSERT and UPDATE triggers: a statement
  // trigger sees the rows it wrote as the transition table "changed", so a bulk write (a
  // worker's batch, a re-flag of every score) is one INSERT … SELECT, not one per row.
  await sql`
    create function queue_search_texts_from_scores() returns trigger language plpgsql as $$
    begin
      insert into queue_search_texts (comment_id, text)
      select c.id, c.text from changed n join comments c on c.id = n.comment_id
      where n.max_flagged_score is not null
      on conflict (comment_id) do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create function queue_search_texts_from_moderation() returns trigger language plpgsql as $$
    begin
      insert into queue_search_texts (comment_id, text)
      select c.id, c.text from changed n join comments c on c.id = n.comment_id
      where n.status <> 'pending'
      on conflict (comment_id) do nothing;
      return null;
    end $$`.execute(db);
  for (const [table, source] of [
    ['comment_scores', 'scores'],
    ['comment_moderation', 'moderation']
  ] as const) {
    for (const event of ['insert', 'update'] as const) {
      await sql`
        create trigger ${sql.id(`queue_search_texts_${source}_${event}`)}
        after ${sql.raw(event)} on ${sql.id(table)}
        referencing new table as changed
        for each statement execute function ${sql.id(`queue_search_texts_from_${source}`)}()`.execute(
        db
      );
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, source] of [
    ['comment_scores', 'scores'],
    ['comment_moderation', 'moderation']
  ] as const) {
    for (const event of ['insert', 'update'] as const)
      await sql`drop trigger ${sql.id(`queue_search_texts_${source}_${event}`)}
        on ${sql.id(table)}`.execute(db);
    await sql`drop function ${sql.id(`queue_search_texts_from_${source}`)}()`.execute(db);
  }
  await sql`drop table queue_search_texts`.execute(db);
  await sql`create index comments_text_trgm on comments using gin (text gin_trgm_ops)`.execute(db);
}
