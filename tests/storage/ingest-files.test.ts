/**
 * ingestFiles (what `cli ingest` runs): batches of files, two in flight, reported in file
 * order; a failing batch fails the call once, with nothing left unhandled behind it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { BATCH_DOCUMENTS } from '../../src/lib/server/ingest/ingest-batch';
import { ingestFiles, type FileResult } from '../../src/lib/server/ingest/ingest-files';
import { countRows } from '../helpers/corpus-factories';
import { failingInsertsInto, InjectedFailure } from '../helpers/failing-insert-plugin';
import { manyCommentsPage } from '../helpers/many-comments-page';
import { describeEachEngine, emptyCorpus } from '../helpers/test-databases';

const FILES = BATCH_DOCUMENTS * 2 + 5; // three batches
let folder: string;
let files: string[];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'threadwatch-ingest-files-'));
  files = Array.from({ length: FILES }, (_, index) => {
    const file = join(folder, `page-${String(index).padStart(2, '0')}.txt`);
    // One empty file in the second batch: stored as failed, in its place.
    const bytes =
      index === BATCH_DOCUMENTS + 3
        ? new Uint8Array()
        : manyCommentsPage(3, {
            title: `Page ${index}`,
            text: (comment) => `Page ${index}, comment ${comment + 1}.`
          });
    writeFileSync(file, bytes);
    return file;
  });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeEachEngine('ingestFiles', (database) => {
  beforeEach(() => emptyCorpus(database()));

  it('store every file, reporting each in file order', async () => {
    const reported: FileResult[] = [];
    const summary = await ingestFiles(database().db, files, (result) => reported.push(result));
    expect(reported.map((result) => result.file)).toEqual(files);
    expect(reported[BATCH_DOCUMENTS + 3]!.outcome).toMatchObject({ status: 'failed' });
    expect(summary).toMatchObject({ stored: FILES - 1, failed: 1, duplicates: 0 });
    expect(await countRows(database().db)).toMatchObject({
      documents: FILES,
      articles: FILES - 1
    });
    const again = await ingestFiles(database().db, files);
    expect(again).toMatchObject({ stored: 0, failed: 0, duplicates: FILES });
  });

  it('fail once when a batch fails, reporting only the batches stored before it', async () => {
    const reported: string[] = [];
    const failing = database().db.withPlugin(failingInsertsInto('classification_jobs'));
    await expect(
      ingestFiles(failing, files, (result) => reported.push(result.file))
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(reported).toEqual([]);
    expect(await countRows(database().db)).toEqual({ documents: 0, articles: 0, comments: 0 });
  });
});
