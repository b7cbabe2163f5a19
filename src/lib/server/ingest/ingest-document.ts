/**
 * Ingests one document: keeps its bytes verbatim under their SHA-256, parses them, and stores
 * the article and comments and queues the comments for classification, all in one
 * transaction (so no comment is stored without its job, nor a job without its comment). The
 * same bytes twice change nothing; a document the parser rejects is kept, marked failed with
 * the reason. A batch of one: ingestDocuments (ingest-batch.ts) stores several in one
 * transaction.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { IngestError } from './errors';
import { ingestDocuments } from './ingest-batch';
import type { ParseOptions } from './parse';

export interface IngestInput {
  bytes: Uint8Array;
  /** Shown to people; not used to recognise the document (the SHA-256 is). */
  fileName: string;
}

export type IngestOutcome =
  | { status: 'stored'; documentId: number; articleId: number; format: string; comments: number }
  | { status: 'duplicate'; documentId: number }
  | { status: 'failed'; documentId: number; error: IngestError };

/**
 * Parser rejections (IngestError) become a stored 'failed' document; any other error is a
 * bug or an outage, propagates, and leaves nothing written. `parseOptions.maxBytes`: the
 * parser's size limit (default 20 MB; a larger document is stored as failed, 'too_large').
 */
export async function ingestDocument(
  db: Kysely<Schema>,
  input: IngestInput,
  parseOptions: ParseOptions = {}
): Promise<IngestOutcome> {
  const [outcome] = await ingestDocuments(db, [input], parseOptions);
  return outcome!;
}
