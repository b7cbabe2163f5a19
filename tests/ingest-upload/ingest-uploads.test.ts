/**
 * What the ingest API and page do with uploaded documents, on a real database: a stored
 * page, the same bytes again (a duplicate naming the stored article), a document the parser
 * rejects (kept as failed, with its message), one over the size limit (not stored), and the
 * classification progress of a document's comments as jobs run, fail and finish.
 */
import { beforeEach, expect, it } from 'vitest';
import { claimJobs, completeJobs, retryOrFailJobs } from '../../src/lib/server/classify/jobs';
import { classificationProgress } from '../../src/lib/server/ingest/upload/document-report.repository';
import {
  ingestResponseStatus,
  ingestUploads
} from '../../src/lib/server/ingest/upload/ingest-uploads';
import { countRows } from '../helpers/corpus-factories';
import { ALLOTMENTS, wordpressHtmlPage } from '../helpers/ingest-pages';
import { emptyQueue } from '../helpers/job-factories';
import { markerClassifier } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const page = {
  fileName: 'allotments.html',
  bytes: new TextEncoder().encode(wordpressHtmlPage(ALLOTMENTS))
};
const junk = {
  fileName: 'photo.bin',
  bytes: Uint8Array.from([0x00, 0xff, 0x10, 0x00, 0x80, 0x00])
};
const limits = { maxDocumentBytes: 1024 * 1024 };
const lease = { leaseSeconds: 60 };

describeEachEngine('ingesting uploads', (database) => {
  beforeEach(() => emptyQueue(database().db));

  it('stores a page and says what it found, with its comments queued', async () => {
    const [stored] = await ingestUploads(database().db, [page], limits);
    expect(stored).toEqual({
      fileName: 'allotments.html',
      byteSize: page.bytes.byteLength,
      status: 'stored',
      documentId: expect.any(Number),
      articleId: expect.any(Number),
      title: ALLOTMENTS.title,
      outlet: 'The Millbrook Gazette',
      format: 'wordpress',
      comments: 3,
      duplicateOf: null,
      error: null,
      message: `Stored “${ALLOTMENTS.title}” (The Millbrook Gazette) with 3 comments.`,
      progress: {
        total: 3,
        scored: 0,
        queued: 3,
        running: 0,
        failed: 0,
        notQueued: 0,
        finished: false
      }
    });
    expect(ingestResponseStatus([stored!])).toBe(201);
  });

  it('answers the same bytes again as a duplicate naming the stored article, changing nothing', async () => {
    const [first] = await ingestUploads(database().db, [page], limits);
    const before = await countRows(database().db);
    const [again] = await ingestUploads(
      database().db,
      [{ ...page, fileName: 'copy.html' }],
      limits
    );
    expect(again).toMatchObject({
      fileName: 'copy.html',
      status: 'duplicate',
      documentId: first!.documentId,
      articleId: first!.articleId,
      title: ALLOTMENTS.title,
      comments: 3,
      duplicateOf: { fileName: 'allotments.html', ingestedAt: expect.any(String) },
      message: expect.stringMatching(
        /^Already ingested as “allotments\.html” on \d{4}-\d\d-\d\d \d\d:\d\d UTC: “Allotment Waiting List/
      )
    });
    expect(await countRows(database().db)).toEqual(before);
    expect(ingestResponseStatus([again!])).toBe(200);
  });

  it('keeps a document the parser rejects as failed with its message, and goes on with the next', async () => {
    const results = await ingestUploads(database().db, [junk, page], limits);
    expect(results.map((result) => result.status)).toEqual(['failed', 'stored']);
    expect(results[0]).toMatchObject({
      fileName: 'photo.bin',
      documentId: expect.any(Number),
      articleId: null,
      comments: 0,
      error: { code: 'binary', message: expect.stringMatching(/binary/) },
      message: expect.stringMatching(/NUL bytes.*binary/),
      progress: null
    });
    expect(await countRows(database().db)).toEqual({ documents: 2, articles: 1, comments: 3 });
    expect(ingestResponseStatus(results.slice(0, 1))).toBe(422);
    // The same junk again: a duplicate that still says why it failed.
    const [again] = await ingestUploads(database().db, [junk], limits);
    expect(again).toMatchObject({
      status: 'duplicate',
      message: expect.stringMatching(/could not be parsed then: This file contains NUL bytes/)
    });
  });

  it('refuses a document over the limit without storing it', async () => {
    const big = { fileName: 'big.html', bytes: new Uint8Array(2048).fill(0x61) };
    const results = await ingestUploads(database().db, [big], { maxDocumentBytes: 1024 });
    expect(results[0]).toMatchObject({
      status: 'failed',
      documentId: null,
      error: { code: 'too_large' },
      message: expect.stringMatching(/over the 1 KB limit .* Not stored\.$/)
    });
    expect(await countRows(database().db)).toEqual({ documents: 0, articles: 0, comments: 0 });
    expect(ingestResponseStatus(results)).toBe(413);
  });

  it('counts the comments scored, queued, running and failed as classification goes on', async () => {
    const db = database().db;
    const [stored] = await ingestUploads(db, [page], limits);
    const documentId = stored!.documentId!;
    const classification = (await markerClassifier().classify(['calm']))[0]!;

    const [first, second] = await claimJobs(db, { owner: 'w', limit: 2, ...lease });
    await completeJobs(db, 'w', [{ jobId: first!.id, classification }]);
    expect(await classificationProgress(db, documentId)).toEqual({
      total: 3,
      scored: 1,
      queued: 1,
      running: 1,
      failed: 0,
      notQueued: 0,
      finished: false
    });

    await retryOrFailJobs(db, 'w', [{ jobId: second!.id, error: 'model crashed' }], {
      maxAttempts: 1,
      retryDelaySeconds: 0
    });
    const [third] = await claimJobs(db, { owner: 'w', limit: 1, ...lease });
    await completeJobs(db, 'w', [{ jobId: third!.id, classification }]);
    expect(await classificationProgress(db, documentId)).toEqual({
      total: 3,
      scored: 2,
      queued: 0,
      running: 0,
      failed: 1,
      notQueued: 0,
      finished: true
    });
  });
});
