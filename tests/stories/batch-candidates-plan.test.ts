/**
 * The batch candidate query (batch-candidates.repository.ts) reads, for each band of each
 * article, only the stored rows of that (band, bucket) within the story window: the time
 * bounds are part of the index range, not a filter applied after reading the bucket. As a
 * plain join the planner left them out, and a common term bucket's rows, all read, grew with
 * the corpus (ingest slowed from ~14k to ~8k comments/s over a million). Sequential and
 * bitmap scans are switched off so that the fixture's few rows do not make them cheaper.
 */
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/server/db/schema';
import { fingerprintArticle } from '../../src/lib/server/stories';
import { batchCandidatesQuery } from '../../src/lib/server/stories/batch-candidates.repository';
import { indexPlanOf } from '../helpers/query-plan';
import { storeStoryCopy } from '../helpers/story-copies';
import { describeEachEngine } from '../helpers/test-databases';

const STORY = {
  title: 'Harbour wall repairs delayed',
  body: [
    'Repairs to the old harbour wall will start in October rather than June, the port authority said, after the only contractor to bid asked for more time to source granite blocks.',
    'Fishermen who moor inside the wall said winter storms had already moved two of its capstones and asked the authority to shore it up before the autumn gales.'
  ].join('\n\n')
};

const storeCopy = (db: Kysely<Schema>, name: string, day: number) =>
  storeStoryCopy(db, STORY, name, new Date(Date.UTC(2025, 0, 1 + day)));

describeEachEngine('batch story candidates plan', (database) => {
  const db = () => database().db;
  let ids: number[] = [];

  beforeAll(async () => {
    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      db()
    );
    ids = [];
    for (let day = 0; day < 60; day += 3) ids.push(await storeCopy(db(), `copy ${day}`, day));
    await sql`analyze article_lsh_bands`.execute(db());
  });

  it('bound each band look-up by the story window in the index condition', async () => {
    const fingerprint = fingerprintArticle(STORY);
    const query = batchCandidatesQuery(ids.slice(-2).map((id) => ({ id, fingerprint })));
    const plan = await indexPlanOf(db(), query);
    expect(plan).toMatch(/Index (Only )?Scan using article_lsh_bands_pkey/);
    expect(plan).toMatch(/Index Cond: \(\(band = .*\bstory_at >= .*\bstory_at <= /);
    // The window still holds: the copies 3 and 6 days older are found, those 9 or more are not.
    const { rows } = await query.execute(db());
    expect(rows.length).toBeGreaterThan(0);
    const newest = ids.at(-1)!;
    const found = rows.filter((row) => Number(row.for_id) === newest);
    expect(found.map((row) => Number(row.article_id)).sort((a, b) => a - b)).toEqual(
      ids.slice(-3, -1)
    );
  });
});
