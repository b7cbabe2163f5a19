/**
 * The review queue filtered by story group, on comments the real lexicon flagged: the
 * seeds' group lists seed 004's flagged comments, an unrelated story's group none of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { queueFilterSchema } from '../../src/lib/schemas/queue-filter';
import { assembleClassifier } from '../../src/lib/server/classify/classifier';
import { runWorker } from '../../src/lib/server/classify/jobs';
import { createLexiconComponent } from '../../src/lib/server/classify/lexicon/component';
import { resolveThresholds } from '../../src/lib/server/classify/thresholds';
import type { Schema } from '../../src/lib/server/db/schema';
import { ingestDocument } from '../../src/lib/server/ingest/ingest-document';
import { listQueue } from '../../src/lib/server/moderation';
import { describeEachEngine } from '../helpers/test-databases';

const SEEDS_DIR = process.env.THREADWATCH_SEEDS_DIR ?? join(import.meta.dirname, '../../seeds');
const LIBRARY = join(import.meta.dirname, '../fixtures/stories/library-branch.txt');

async function ingestFile(db: Kysely<Schema>, path: string): Promise<number> {
  const outcome = await ingestDocument(db, { bytes: readFileSync(path), fileName: path });
  if (outcome.status !== 'stored') throw new Error(`${path} was not stored`);
  return outcome.articleId;
}

/** Flagged comment ids of one article, straight from the scores table. */
async function flaggedOf(db: Kysely<Schema>, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('comment_scores as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .select('c.id')
    .where('c.article_id', '=', articleId)
    .where('s.max_flagged_score', 'is not', null)
    .orderBy('c.id')
    .execute();
  return rows.map((row) => row.id);
}

describeEachEngine('the review queue by story group', (database) => {
  let seedArticles: number[] = [];
  let library = 0;

  beforeAll(async () => {
    const db = database().db;
    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      db
    );
    seedArticles = [];
    for (const file of readdirSync(SEEDS_DIR).sort()) {
      seedArticles.push(await ingestFile(db, join(SEEDS_DIR, file)));
    }
    library = await ingestFile(db, LIBRARY);
    const classifier = assembleClassifier([createLexiconComponent()], resolveThresholds(null));
    await runWorker({ db, classifier, untilDrained: true, batchSize: 64 });
  });

  const queueIds = async (storyGroupId: number) => {
    const filter = queueFilterSchema.parse({ storyGroupId: String(storyGroupId) });
    const { items } = await listQueue(database().db, filter, { limit: 100 });
    return items.map((item) => item.comment.id).sort((a, b) => a - b);
  };

  it("lists seed 004's flagged comments under the seeds' story group", async () => {
    const seed004 = seedArticles[4]!;
    const flagged = await flaggedOf(database().db, seed004);
    // The page holds (((echo))) comments the lexicon always flags.
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    expect(await queueIds(seedArticles[0]!)).toEqual(flagged);
  });

  it("lists only the unrelated story's own flagged comment under its group", async () => {
    const own = await flaggedOf(database().db, library);
    expect(own).toHaveLength(1);
    expect(await queueIds(library)).toEqual(own);
  });

  it('lists nothing for a story group that does not exist, and refuses a malformed id', async () => {
    expect(await queueIds(999_999)).toEqual([]);
    expect(queueFilterSchema.safeParse({ storyGroupId: 'abc' }).success).toBe(false);
    expect(queueFilterSchema.parse({ storyGroupId: '' }).storyGroupId).toBeUndefined();
  });
});
