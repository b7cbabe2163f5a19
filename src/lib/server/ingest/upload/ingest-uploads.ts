/**
 * Ingests the documents of one upload request, one by one (each in its own transaction, so
 * one bad file never stops or rolls back the others), and describes each result the way the
 * ingest page and API show it.
 */
import type { Kysely } from 'kysely';
import type { IngestedDocument } from '../../../schemas/ingest';
import type { Schema } from '../../db/schema';
import { tooLargeError } from '../decode';
import { ingestDocument, type IngestOutcome } from '../ingest-document';
import { findDocumentReport } from './document-report.repository';
import type { Upload } from './read-uploads';

export async function ingestUploads(
  db: Kysely<Schema>,
  uploads: readonly Upload[],
  { maxDocumentBytes }: { maxDocumentBytes: number }
): Promise<IngestedDocument[]> {
  const documents: IngestedDocument[] = [];
  for (const upload of uploads) {
    // Refused before storing: keeping megabytes nobody can parse helps no one.
    if (upload.bytes.byteLength > maxDocumentBytes) {
      documents.push(refusedAsTooLarge(upload, maxDocumentBytes));
      continue;
    }
    const outcome = await ingestDocument(db, upload, { maxBytes: maxDocumentBytes });
    documents.push(await describeOutcome(db, upload, outcome));
  }
  return documents;
}

/** 201 when something new was stored, 200 when all were known, 413/422 when all failed. */
export function ingestResponseStatus(
  documents: readonly IngestedDocument[]
): 200 | 201 | 413 | 422 {
  if (documents.some((document) => document.status === 'stored')) return 201;
  if (documents.some((document) => document.status === 'duplicate')) return 200;
  const allTooLarge = documents.every((document) => document.documentId === null);
  return allTooLarge ? 413 : 422;
}

async function describeOutcome(
  db: Kysely<Schema>,
  upload: Upload,
  outcome: IngestOutcome
): Promise<IngestedDocument> {
  const report = await findDocumentReport(db, outcome.documentId);
  if (!report) throw new Error(`Document ${outcome.documentId} was just ingested but is gone`);
  const { parseStatus, ingestedAt, ...stored } = report;
  const document: IngestedDocument = {
    ...stored,
    // The name and size of this upload: a duplicate's stored copy may have had another name.
    fileName: upload.fileName,
    byteSize: upload.bytes.byteLength,
    status: outcome.status,
    duplicateOf: outcome.status === 'duplicate' ? { fileName: report.fileName, ingestedAt } : null,
    message: ''
  };
  return { ...document, message: describe(document, parseStatus) };
}

function describe(document: IngestedDocument, parseStatus: 'parsed' | 'failed'): string {
  const { status, duplicateOf, error } = document;
  if (status === 'failed') return error?.message ?? 'The document could not be parsed.';
  const article = describeArticle(document);
  if (status === 'stored') return `Stored ${article}.`;
  const earlier = `Already ingested as “${duplicateOf?.fileName}” on ${formatTime(duplicateOf?.ingestedAt)}`;
  return parseStatus === 'failed'
    ? `${earlier}; it could not be parsed then: ${error?.message ?? 'no reason recorded'}`
    : `${earlier}: ${article}. Nothing was changed.`;
}

function describeArticle({ title, outlet, comments, format }: IngestedDocument): string {
  const named = `“${title ?? 'untitled'}”${outlet ? ` (${outlet})` : ''}`;
  if (format === 'none') return `${named}, with no comment section found`;
  return `${named} with ${comments} comment${comments === 1 ? '' : 's'}`;
}

/** `2025-03-03 09:12 UTC`: the server can't know the reader's time zone. */
function formatTime(iso: string | undefined): string {
  return iso === undefined ? 'an earlier date' : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function refusedAsTooLarge(upload: Upload, maxDocumentBytes: number): IngestedDocument {
  const error = tooLargeError(upload.bytes.byteLength, maxDocumentBytes);
  return {
    fileName: upload.fileName,
    byteSize: upload.bytes.byteLength,
    status: 'failed',
    documentId: null,
    articleId: null,
    title: null,
    outlet: null,
    format: null,
    comments: 0,
    duplicateOf: null,
    error: { code: error.code, message: error.message },
    message: `${error.message} Not stored.`,
    progress: null
  };
}
