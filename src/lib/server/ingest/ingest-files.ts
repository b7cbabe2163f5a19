/**
 * Ingests files from disk one by one: each document is stored (or marked failed) on its
 * own, so one bad file never stops or rolls back the others.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { config } from '../config';
import { ingestDocument, type IngestOutcome } from './ingest-document';

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
  for (const file of files) {
    const result: FileResult = { file, outcome: await ingestFile(db, file) };
    tally(summary, result);
    onFile(result);
  }
  return summary;
}

async function ingestFile(db: Kysely<Schema>, file: string): Promise<FileResult['outcome']> {
  const size = (await stat(file)).size;
  if (size > UNREADABLE_FILE_BYTES) {
    const limitMb = UNREADABLE_FILE_BYTES / 1024 / 1024;
    return {
      status: 'unread',
      message: `${file} is ${size} bytes, over the ${limitMb} MB that ingest will read; not stored`
    };
  }
  return ingestDocument(
    db,
    { bytes: await readFile(file), fileName: basename(file) },
    { maxBytes: config().maxDocumentBytes }
  );
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
