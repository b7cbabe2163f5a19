import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  findDocumentById,
  getDocumentContent,
  insertDocument,
  listCommentsOfArticle
} from '../../src/lib/server/corpus';
import { ingestDocument, type IngestOutcome } from '../../src/lib/server/ingest/ingest-document';
import { countRows, sha256Hex } from '../helpers/corpus-factories';
import { failingInsertsInto, InjectedFailure } from '../helpers/failing-insert-plugin';
import { describeEachEngine, emptyCorpus } from '../helpers/test-databases';

const seedPage = readFileSync(new URL('../../seeds/004_db1490f89701464c.txt', import.meta.url));
const plainPage = new TextEncoder().encode('A headline\n\nAn article body without comments.\n');

describeEachEngine('ingestDocument', (database) => {
  beforeEach(() => emptyCorpus(database()));

  it('store the seed page with its 33 comments in page order', async () => {
    const outcome = await ingestDocument(database().db, { bytes: seedPage, fileName: '004.txt' });
    expect(outcome).toMatchObject({ status: 'stored', comments: 33 });
    if (outcome.status !== 'stored') return;
    const comments = await listCommentsOfArticle(database().db, outcome.articleId);
    expect(comments.map((comment) => comment.position)).toEqual([...Array(33).keys()]);
    expect(comments[0]?.author).toBe('syzygysus');
    expect(comments.at(-1)?.author).toBe('Mike Rotsch');
    const document = await findDocumentById(database().db, outcome.documentId);
    expect(document).toMatchObject({
      sha256: sha256Hex(seedPage),
      fileName: '004.txt',
      byteSize: seedPage.byteLength,
      parseStatus: 'parsed',
      parseError: null
    });
  });

  it('change nothing when the same bytes come again, whatever the file name', async () => {
    const first = await ingestDocument(database().db, { bytes: plainPage, fileName: 'a.txt' });
    expect(first.status).toBe('stored');
    const before = await countRows(database().db);
    const again = await ingestDocument(database().db, { bytes: plainPage, fileName: 'b.txt' });
    expect(again).toEqual({ status: 'duplicate', documentId: first.documentId });
    expect(await countRows(database().db)).toEqual(before);
  });

  it('keep a document the parser rejects, marked failed with the reason, and nothing else', async () => {
    const outcome = await ingestDocument(database().db, {
      bytes: new Uint8Array(),
      fileName: 'empty.txt'
    });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'empty' } });
    expect(await countRows(database().db)).toEqual({ documents: 1, articles: 0, comments: 0 });
    const document = await findDocumentById(database().db, outcome.documentId);
    expect(document).toMatchObject({
      parseStatus: 'failed',
      parseErrorCode: 'empty',
      parseError: expect.stringMatching(/empty/i),
      format: null,
      byteSize: 0
    });
    const again = await ingestDocument(database().db, { bytes: new Uint8Array(), fileName: 'x' });
    expect(again).toEqual({ status: 'duplicate', documentId: outcome.documentId });
  });

  it('write nothing when storing the article fails after the document went in', async () => {
    const failing = database().db.withPlugin(failingInsertsInto('articles'));
    await expect(
      ingestDocument(failing, { bytes: plainPage, fileName: 'plain.txt' })
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await countRows(database().db)).toEqual({ documents: 0, articles: 0, comments: 0 });
    // The SHA-256 was not taken by the rolled-back attempt.
    const retry = await ingestDocument(database().db, { bytes: plainPage, fileName: 'plain.txt' });
    expect(retry.status).toBe('stored');
  });

  it('write nothing when storing the comments fails half way', async () => {
    const failing = database().db.withPlugin(failingInsertsInto('comments'));
    await expect(
      ingestDocument(failing, { bytes: seedPage, fileName: '004.txt' })
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await countRows(database().db)).toEqual({ documents: 0, articles: 0, comments: 0 });
  });

  it('store one document when the same bytes are ingested concurrently', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        ingestDocument(database().db, { bytes: plainPage, fileName: `copy-${index}.txt` })
      )
    );
    const stored = attempts.filter((outcome) => outcome.status === 'stored');
    expect(stored).toHaveLength(1);
    expect(attempts.filter((outcome) => outcome.status === 'duplicate')).toHaveLength(5);
    expect(new Set(attempts.map((outcome) => outcome.documentId))).toEqual(
      new Set([stored[0]!.documentId])
    );
    expect(await countRows(database().db)).toMatchObject({ documents: 1, articles: 1 });
  });

  it('return duplicate when another transaction stores the same bytes first', async () => {
    let racing: Promise<IngestOutcome> | undefined;
    const winnerId = await database()
      .db.transaction()
      .execute(async (trx) => {
        const id = await insertDocument(trx, {
          sha256: sha256Hex(plainPage),
          fileName: 'winner.txt',
          content: plainPage,
          parse: { status: 'failed', errorCode: 'empty', error: 'placeholder' }
        });
        // On PostgreSQL the racer passes the lookup (nothing committed yet) and then waits on
        // the unique index until this commits; on PGlite it waits for the connection.
        racing = ingestDocument(database().db, { bytes: plainPage, fileName: 'racer.txt' });
        await sleep(200);
        return id;
      });
    expect(await racing).toEqual({ status: 'duplicate', documentId: winnerId });
    expect(await countRows(database().db)).toEqual({ documents: 1, articles: 0, comments: 0 });
  });

  it('keep the bytes verbatim, Windows-1252 included', async () => {
    // "Café “quoted” – 10 €" in Windows-1252, followed by bytes that are invalid UTF-8.
    const windows1252 = Uint8Array.from([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96,
      0x20, 0x31, 0x30, 0x20, 0x80, 0x0a, 0x00, 0xff, 0xfe, 0x0d, 0x0a
    ]);
    const outcome = await ingestDocument(database().db, {
      bytes: windows1252,
      fileName: 'cp1252.txt'
    });
    const stored = await getDocumentContent(database().db, outcome.documentId);
    expect(stored).toEqual(windows1252);
    expect(sha256Hex(stored!)).toBe(sha256Hex(windows1252));
  });

  it('keep a document over the size limit as failed, too_large', async () => {
    const outcome = await ingestDocument(
      database().db,
      { bytes: plainPage, fileName: 'big.txt' },
      { maxBytes: 10 }
    );
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'too_large' } });
    expect(await getDocumentContent(database().db, outcome.documentId)).toEqual(plainPage);
  });
});
