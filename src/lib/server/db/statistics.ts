/**
 * Planner statistics after a bulk load. PostgreSQL plans from statistics that autovacuum
 * refreshes only some time after a large write (and PGlite has no autovacuum at all): a
 * worker started straight after ingesting a large folder ran on plans made for an empty
 * jobs table, 111 instead of ~1,800 comments/s at a million comments. ANALYZE of the
 * tables an ingest writes takes about a second there.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema';

/** Comments stored by one command past which it refreshes the statistics itself. */
export const BULK_INGEST_COMMENTS = 10_000;

const INGESTED_TABLES = [
  'documents',
  'articles',
  'comments',
  'classification_jobs',
  'article_lsh_bands',
  'story_groups'
];

/** ANALYZE the tables an ingest writes; true when it ran (a bulk load), false otherwise. */
export async function analyzeAfterIngest(
  db: Kysely<Schema>,
  commentsStored: number,
  { threshold = BULK_INGEST_COMMENTS }: { threshold?: number } = {}
): Promise<boolean> {
  if (commentsStored < threshold) return false;
  await sql`analyze ${sql.join(INGESTED_TABLES.map((table) => sql.id(table)))}`.execute(db);
  return true;
}
