/**
 * Story groups: copies and write-ups of one news story from several outlets, grouped by
 * near-duplicate detection (src/lib/server/stories). Frozen in time: imports no app code.
 *
 * - story_groups: one row per story. Its id is the id of the article that founded it (the
 *   group's oldest article), so recomputing every group (`cli stories rebuild`) gives the
 *   same ids again and a bookmarked queue filter keeps working. title: that article's title.
 * - articles.story_group_id: every article with a fingerprint belongs to exactly one group
 *   (a story seen once is a group of one); null only until the article is fingerprinted.
 * - article_fingerprints: the two MinHash signatures (128 signed 32-bit values each) and
 *   the sizes of the sets they summarise.
 * - article_lsh_bands: (band, bucket) rows per article; candidates for a new article come
 *   from the primary key's (band, bucket) prefix, never from a scan of every article.
 *
 * Articles ingested before this migration get fingerprints and groups from `cli stories
 * rebuild`, which `serve` also runs for any article still missing one.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_groups')
    .addColumn('id', 'bigint', (col) => col.primaryKey())
    .addColumn('title', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('articles')
    .addColumn('story_group_id', 'bigint', (col) => col.references('story_groups.id'))
    .execute();
  await db.schema
    .createIndex('articles_story_group_id')
    .on('articles')
    .column('story_group_id')
    .execute();

  await db.schema
    .createTable('article_fingerprints')
    .addColumn('article_id', 'bigint', (col) =>
      col.primaryKey().references('articles.id').onDelete('cascade')
    )
    .addColumn('shingle_signature', sql`integer[]`, (col) => col.notNull())
    .addColumn('term_signature', sql`integer[]`, (col) => col.notNull())
    .addColumn('shingle_count', 'integer', (col) => col.notNull())
    .addColumn('term_count', 'integer', (col) => col.notNull())
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('article_lsh_bands')
    .addColumn('band', 'smallint', (col) => col.notNull())
    .addColumn('bucket', 'integer', (col) => col.notNull())
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addPrimaryKeyConstraint('article_lsh_bands_pkey', ['band', 'bucket', 'article_id'])
    .execute();
  // Deleting or recomputing one article's rows (and the cascade from articles).
  await db.schema
    .createIndex('article_lsh_bands_article_id')
    .on('article_lsh_bands')
    .column('article_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_lsh_bands').execute();
  await db.schema.dropTable('article_fingerprints').execute();
  await db.schema.dropIndex('articles_story_group_id').execute();
  await db.schema.alterTable('articles').dropColumn('story_group_id').execute();
  await db.schema.dropTable('story_groups').execute();
}
