/**
 * The queue's article, outlet and story filters answered from the score rows. Those filters
 * used to check each candidate's comment and article (EXISTS over comments ⋈ articles): a
 * random read of the comment per flagged candidate, ~350 ms at a million comments to find a
 * thousand matches of an outlet with an eighth of the articles. A comment never moves to
 * another article, so its article id is copied onto its score row when the row is written
 * (a trigger, whoever writes it) and carried in the queue's indexes (INCLUDE): walking the
 * queue order then reads no table at all, and the outlet or story test is a probe of the
 * small articles table. A filter on one article or one story's few articles reads instead
 * comment_scores_article_queue, that article's flagged comments in queue order.
 * Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

// The queue indexes of migrations 0002 and 0004, in the keyset order they serve.
const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];
const QUEUE_ORDER = sql`(max_flagged_score desc, comment_id desc)`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comment_scores').addColumn('article_id', 'bigint').execute();
  await sql`
    update comment_scores s set article_id = c.article_id
    from comments c where c.id = s.comment_id`.execute(db);
  await sql`alter table comment_scores alter column article_id set not null`.execute(db);
  await sql`
    create function comment_scores_article() returns trigger language plpgsql as $$
    begin
      new.article_id := (select article_id from comments where id = new.comment_id);
      return new;
    end $$`.execute(db);
  await sql`
    create trigger comment_scores_article before insert on comment_scores
    for each row execute function comment_scores_article()`.execute(db);
  await queueIndexes(db, sql`include (article_id)`);
  await sql`create index comment_scores_article_queue
    on comment_scores (article_id, max_flagged_score desc, comment_id desc)
    where max_flagged_score is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index comment_scores_article_queue`.execute(db);
  await queueIndexes(db, sql``);
  await sql`drop trigger comment_scores_article on comment_scores`.execute(db);
  await sql`drop function comment_scores_article()`.execute(db);
  await db.schema.alterTable('comment_scores').dropColumn('article_id').execute();
}

/** Recreates the queue's partial indexes, with or without the article id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function queueIndexes(db: Kysely<any>, include: ReturnType<typeof sql>): Promise<void> {
  await sql`drop index comment_scores_max_flagged`.execute(db);
  await sql`create index comment_scores_max_flagged on comment_scores ${QUEUE_ORDER} ${include}
    where max_flagged_score is not null`.execute(db);
  for (const label of LABELS) {
    const name = sql.id(`comment_scores_queue_${label}`);
    await sql`drop index ${name}`.execute(db);
    await sql`create index ${name} on comment_scores ${QUEUE_ORDER} ${include}
      where ${sql.lit(label)} = any(flagged)`.execute(db);
  }
}
