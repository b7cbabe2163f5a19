/**
 * Ingests files from disk in batches (ingestDocuments: one transaction for up to
 * BATCH_DOCUMENTS files or BATCH_BYTES): a file the parser rejects is stored as failed and
 * never stops the others; an outage rolls back only the batch in flight, and running the
 * same command again skips what was stored and completes the rest.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { config } from '../config';
import { BATCH_BYTES, BATCH_DOCUMENTS, ingestDocuments } from './ingest-batch';
import type { IngestInput, IngestOutcome } from './ingest-document';

/**
 * Files this large are not even read into memory: they are reported and not stored.
 * Anything up to it is stored, and a document over the parser's limit is kept as failed.
 */
export const UNREADABLE_FILE_BYTES = 256 * 1024 * 1024;

export interface FileResult {
  file: string;
  outcome: IngestOutcome | { status: 'unread'; message: string };
}

export interface IngestSummary {
  stored: number;
  duplicates: number;
  failed: number;
  comments: number;
  results: FileResult[];
}

export async function ingestFiles(
  db: Kysely<Schema>,
  files: readonly string[],
  onFile: (result: FileResult) => void = () => {}
): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: 0, duplicates: 0, failed: 0, comments: 0, results: [] };
  const report = (result: FileResult) => {
    tally(summary, result);
    onFile(result);
  };
  let batch: Array<{ file: string; input: IngestInput }> = [];
  let batchBytes = 0;
  // Two batches in flight, as the bench measures: one is parsed (Node's thread) while the
  // one before it is in the database. Results are reported in file order, each batch
  // after the one before it.
  let previous: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const inputs = batch;
    [batch, batchBytes] = [[], 0];
    const storing = ingestDocuments(
      db,
      inputs.map(({ input }) => input),
      { maxBytes: config().maxDocumentBytes }
    );
    storing.catch(() => {}); // awaited below, possibly after it fails: not unhandled meanwhile
    const before = previous;
    previous = (async () => {
      await before;
      const outcomes = await storing;
      inputs.forEach(({ file }, at) => report({ file, outcome: outcomes[at]! }));
    })();
    // Thrown where it is next awaited (here, or at the end); until then not unhandled.
    previous.catch(() => {});
    await before;
  };
  for (const file of files) {
    const read = await readInput(file);
    if ('status' in read) {
      await flush();
      await previous; // results stay in file order
      report({ file, outcome: read });
      continue;
    }
    // A large file goes alone rather than holding a batch's worth of others in memory.
    if (batchBytes + read.bytes.byteLength > BATCH_BYTES) await flush();
    batch.push({ file, input: read });
    batchBytes += read.bytes.byteLength;
    if (batch.length >= BATCH_DOCUMENTS) await flush();
  }
  await flush();
  await previous;
  return summary;
}

async function readInput(
  file: string
): Promise<IngestInput | { status: 'unread'; message: string }> {
  const size = (await stat(file)).size;
  if (size > UNREADABLE_FILE_BYTES) {
    const limitMb = UNREADABLE_FILE_BYTES / 1024 / 1024;
    return {
      status: 'unread',
      message: `${file} is ${size} bytes, over the ${limitMb} MB that ingest will read; not stored`
    };
  }
  return { bytes: await readFile(file), fileName: basename(file) };
}

function tally(summary: IngestSummary, result: FileResult): void {
  summary.results.push(result);
  const { outcome } = result;
  if (outcome.status === 'stored') {
    summary.stored += 1;
    summary.comments += outcome.comments;
  } else if (outcome.status === 'duplicate') summary.duplicates += 1;
  else summary.failed += 1;
}

/** One line for people: "5 files: 4 stored (33 comments), 1 already stored, 0 failed". */
export function describeSummary(summary: IngestSummary): string {
  const files = summary.results.length;
  return (
    `${files} file${files === 1 ? '' : 's'}: ${summary.stored} stored (${summary.comments} comments), ` +
    `${summary.duplicates} already stored, ${summary.failed} failed`
  );
}
