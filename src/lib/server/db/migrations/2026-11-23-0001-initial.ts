/**
 * The corpus: ingested documents (bytes kept verbatim), the article parsed from each, and its
 * comments in page order. Frozen in time: imports no app code.
 *
 * Ids are `bigint` identities (room for scores and decisions per comment later); the app
 * reads them as JS numbers. Times are `timestamptz`, never `timestamp`.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'bigint', (col) => col.generatedByDefaultAsIdentity().primaryKey())
    .addColumn('sha256', 'text', (col) => col.notNull().unique())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addColumn('byte_size', 'integer', (col) => col.notNull())
    .addColumn('format', 'text')
    .addColumn('markup', 'text')
    .addColumn('encoding', 'text')
    .addColumn('parse_status', 'text', (col) => col.notNull())
    .addColumn('parse_error_code', 'text')
    .addColumn('parse_error', 'text')
    .addColumn('ingested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('documents_sha256_hex', sql`sha256 ~ '^[0-9a-f]{64}$'`)
    .addCheckConstraint('documents_byte_size', sql`byte_size = octet_length(content)`)
    .addCheckConstraint('documents_markup', sql`markup in ('text', 'html')`)
    .addCheckConstraint('documents_parse_status', sql`parse_status in ('parsed', 'failed')`)
    // A failed document always says why; a parsed one never carries an error.
    .addCheckConstraint(
      'documents_parse_error',
      sql`(parse_status = 'failed') = (parse_error_code is not null and parse_error is not null)`
    )
    .execute();
  // The dashboard lists documents in ingest order and will paginate by (ingested_at, id).
  await db.schema
    .createIndex('documents_ingested_at_id')
    .on('documents')
    .columns(['ingested_at', 'id'])
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'bigint', (col) => col.generatedByDefaultAsIdentity().primaryKey())
    .addColumn('document_id', 'bigint', (col) =>
      col.notNull().unique().references('documents.id').onDelete('cascade')
    )
    .addColumn('outlet', 'text')
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('published_at', 'timestamptz')
    .addColumn('body', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'bigint', (col) => col.generatedByDefaultAsIdentity().primaryKey())
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('parent_id', 'bigint', (col) => col.references('comments.id').onDelete('cascade'))
    .addColumn('parent_position', 'integer')
    .addColumn('depth', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('author', 'text')
    .addColumn('posted_at', 'timestamptz')
    .addColumn('posted_at_raw', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addUniqueConstraint('comments_article_id_position', ['article_id', 'position'])
    .addCheckConstraint('comments_position', sql`position >= 0`)
    .addCheckConstraint('comments_depth', sql`depth >= 0`)
    .addCheckConstraint(
      'comments_parent_position',
      sql`parent_position is null or (parent_position >= 0 and parent_position < position)`
    )
    .execute();
  await db.schema.createIndex('comments_author').on('comments').column('author').execute();
  // Replies of a comment, and the FK's cascade on delete.
  await db.schema.createIndex('comments_parent_id').on('comments').column('parent_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comments').execute();
  await db.schema.dropTable('articles').execute();
  await db.schema.dropTable('documents').execute();
}
