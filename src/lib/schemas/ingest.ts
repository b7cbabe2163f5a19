/**
 * What the ingest API answers, shared by the endpoint, the form action and the ingest
 * page's script (types only: nothing here runs on the server alone). Dates travel as ISO
 * strings because the page receives them as JSON.
 */
import { z } from 'zod';

/** stored: new article; duplicate: the same bytes were ingested before; failed: see error. */
export type IngestStatus = 'stored' | 'duplicate' | 'failed';

/** How far the classifier has come with one document's comments. */
export interface ClassificationProgress {
  total: number;
  scored: number;
  queued: number;
  running: number;
  /** Comments whose job gave up after its retries, with no score from an earlier run. */
  failed: number;
  /** Neither scored nor on the queue (e.g. the queue was emptied by hand). */
  notQueued: number;
  /** Nothing left to wait for: no comment queued or running. */
  finished: boolean;
}

export interface IngestedDocument {
  /** The name the document came with (or was given); shown to people only. */
  fileName: string;
  byteSize: number;
  status: IngestStatus;
  /** Null only when the upload was refused before anything was stored (over the size limit). */
  documentId: number | null;
  articleId: number | null;
  title: string | null;
  outlet: string | null;
  /** The comment system the parser recognised ('none': no comment section). */
  format: string | null;
  comments: number;
  /** For a duplicate: the stored copy's original name and when it came. */
  duplicateOf: { fileName: string; ingestedAt: string } | null;
  /** Why parsing failed (for a duplicate: why the stored copy failed). */
  error: { code: string; message: string } | null;
  /** One sentence for people saying what happened. */
  message: string;
  progress: ClassificationProgress | null;
}

export interface IngestResponse {
  documents: IngestedDocument[];
}

/** GET /api/v1/ingest/[id]: the stored document as it is now. */
export type DocumentReport = Omit<IngestedDocument, 'status' | 'duplicateOf' | 'message'> & {
  documentId: number;
  parseStatus: 'parsed' | 'failed';
  ingestedAt: string;
};

/** A refused request, in the shape every JSON error of the API has (server/api/responses.ts). */
export interface ApiError {
  error: { code: string; message: string };
}

const FILE_NAME_MAX = 200;

/**
 * A name given with an upload (`?name=`, a file's own name, the paste form's name field):
 * only its last path segment, without control characters, at most 200 characters. Empty
 * after that means "no name".
 */
export const uploadNameSchema = z
  .string()
  .transform((name) =>
    (name.split(/[\\/]/).pop() ?? '')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, FILE_NAME_MAX)
  )
  .transform((name) => name || undefined);
