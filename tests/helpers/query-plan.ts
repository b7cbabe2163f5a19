/**
 * EXPLAIN of a query with sequential and bitmap scans priced out, so a test on a few rows
 * sees whether an index can serve the query the way it must at a million (on tiny tables
 * the planner would rightly prefer a sequential scan, and the test would say nothing).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '../../src/lib/server/db/schema';

export async function indexPlanOf(db: Kysely<Schema>, query: RawBuilder<unknown>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}
