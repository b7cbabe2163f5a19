/**
 * `cli ingest` refreshes the planner statistics after a bulk load (db/statistics.ts): the
 * tables' row estimates (pg_class.reltuples, what ANALYZE writes) match what is stored.
 */
import { sql, type Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/server/db/schema';
import { analyzeAfterIngest } from '../../src/lib/server/db/statistics';
import { comment, storeArticle } from '../helpers/corpus-factories';
import { describeEachEngine, emptyCorpus } from '../helpers/test-databases';

async function estimatedComments(db: Kysely<Schema>): Promise<number> {
  const { rows } = await sql<{ estimate: number }>`
    select reltuples as estimate from pg_class where oid = 'comments'::regclass`.execute(db);
  return Number(rows[0]!.estimate);
}

describeEachEngine('planner statistics after an ingest', (database) => {
  beforeEach(() => emptyCorpus(database()));

  it('analyse past the bulk threshold only', async () => {
    const db = database().db;
    const before = await estimatedComments(db);
    // A count the estimate cannot already hold from an earlier test's ANALYZE.
    const count = before === 3 ? 4 : 3;
    await storeArticle(db, {
      title: 'bulk',
      comments: Array.from({ length: count }, (_, index) => comment(`comment ${index}`))
    });

    expect(await analyzeAfterIngest(db, count, { threshold: count + 1 })).toBe(false);
    expect(await estimatedComments(db)).toBe(before);
    expect(await analyzeAfterIngest(db, count, { threshold: count })).toBe(true);
    expect(await estimatedComments(db)).toBe(count);
  });
});
