/**
 * Story look-up bounded in time (src/lib/server/stories/same-story.ts): an article is only
 * compared with articles whose story time lies within STORY_WINDOW of its own, so each LSH
 * row carries its article's story time (published_at, else the document's ingest time) and
 * the look-up key becomes (band, bucket, story_at): a band's rows outside the window are
 * never read, however many articles share a common term's bucket. The new key replaces the
 * old (band, bucket, article_id) primary key rather than adding a second index, so an
 * ingest still writes one index entry per band row. Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('article_lsh_bands').addColumn('story_at', 'timestamptz').execute();
  await sql`
    update article_lsh_bands b
    set story_at = coalesce(a.published_at, d.ingested_at)
    from articles a join documents d on d.id = a.document_id
    where a.id = b.article_id`.execute(db);
  await sql`alter table article_lsh_bands alter column story_at set not null`.execute(db);
  await sql`alter table article_lsh_bands drop constraint article_lsh_bands_pkey`.execute(db);
  await sql`alter table article_lsh_bands add constraint article_lsh_bands_pkey
    primary key (band, bucket, story_at, article_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table article_lsh_bands drop constraint article_lsh_bands_pkey`.execute(db);
  await sql`alter table article_lsh_bands add constraint article_lsh_bands_pkey
    primary key (band, bucket, article_id)`.execute(db);
  await db.schema.alterTable('article_lsh_bands').dropColumn('story_at').execute();
}
