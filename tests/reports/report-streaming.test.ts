/**
 * Large exports stream: 5,000 comments with batches of 100 are read in 50 keyset pages (one
 * query each, never more than a batch in hand), and a consumer that has read only the
 * first chunk of the CSV has caused only the first batch or two to be read — the rest wait
 * until it asks for more (backpressure), so memory doesn't grow with the export.
 */
import { text } from 'node:stream/consumers';
import { beforeAll, expect, it } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { reportBatches } from '../../src/lib/server/reports';
import { csvReport } from '../../src/lib/server/reports/formats/csv';
import { jsonReport } from '../../src/lib/server/reports/formats/json';
import { comment, storeArticle } from '../helpers/corpus-factories';
import { countingSelects } from '../helpers/counting-plugin';
import { emptyModeration } from '../helpers/moderators';
import { describeEachEngine } from '../helpers/test-databases';

const COMMENTS = 5000;
const BATCH = 100;
const all = reportFilterSchema.parse({});

describeEachEngine('streaming a large export', (database) => {
  beforeAll(async () => {
    const db = database().db;
    await emptyModeration(db);
    await storeArticle(db, {
      title: 'busy thread',
      comments: Array.from({ length: COMMENTS }, (_, i) =>
        comment(`comment number ${i}, with a comma`)
      )
    });
  }, 120_000);

  it('reads batch by batch, one query a batch', async () => {
    const counter = countingSelects();
    const sizes: number[] = [];
    let previousLast = 0;
    for await (const batch of reportBatches(database().db.withPlugin(counter), all, {
      batchSize: BATCH
    })) {
      sizes.push(batch.length);
      expect(batch[0]!.commentId).toBeGreaterThan(previousLast);
      previousLast = batch.at(-1)!.commentId;
    }
    expect(sizes).toEqual(Array.from({ length: COMMENTS / BATCH }, () => BATCH));
    // 50 full pages, then one that finds nothing and ends the export.
    expect(counter.count()).toBe(COMMENTS / BATCH + 1);
  });

  it('pulls the next batch only when the consumer reads on', async () => {
    const counter = countingSelects();
    const stream = csvReport(database().db.withPlugin(counter), all, { batchSize: BATCH });
    const chunks = stream[Symbol.asyncIterator]();
    let csv = String((await chunks.next()).value);
    // The buffers between reader and consumer hold well under three batches of rows.
    const afterFirstChunk = counter.count();
    expect(afterFirstChunk).toBeGreaterThanOrEqual(1);
    expect(afterFirstChunk).toBeLessThanOrEqual(3);
    for (let chunk = await chunks.next(); !chunk.done; chunk = await chunks.next())
      csv += String(chunk.value);
    expect(counter.count()).toBe(COMMENTS / BATCH + 1);
    // The header and one line per comment (no comment text here holds a line break).
    expect(csv.split('\r\n').length - 1).toBe(COMMENTS + 1);
  });

  it('JSON reads the decision histories once a batch, not once a comment', async () => {
    const counter = countingSelects();
    const rows = JSON.parse(
      await text(jsonReport(database().db.withPlugin(counter), all, { batchSize: 1000 }))
    ) as unknown[];
    expect(rows).toHaveLength(COMMENTS);
    // 5 pages of comments + the empty page ending it, and one history query per page.
    expect(counter.count()).toBe(5 + 1 + 5);
  });
});
