/**
 * POST /api/v1/ingest: one document as the body (`?name=` names it) or a multipart form with
 * `file` fields and/or pasted `text`. Answers `{ documents: [...] }`, one result per document,
 * or `{ error: { code, message } }` with 400/413/415 when the request itself is refused (nothing stored;
 * the connection is closed after a refusal).
 */
import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/responses';
import { appDatabase } from '$lib/server/app-database';
import { config } from '$lib/server/config';
import { ingestResponseStatus, ingestUploads } from '$lib/server/ingest/upload/ingest-uploads';
import { readUploads } from '$lib/server/ingest/upload/read-uploads';
import type { IngestResponse } from '$lib/schemas/ingest';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, url }) => {
  const { maxDocumentBytes } = config();
  const read = await readUploads(request, { name: url.searchParams.get('name'), maxDocumentBytes });
  if ('refused' in read) {
    const { status, message } = read.refused;
    const code = (
      { 400: 'invalid_input', 413: 'too_large', 415: 'unsupported_media_type' } as const
    )[status];
    const refusal = apiError(status, code, message);
    // The body may be left unread (a refused type or size): a client reusing this
    // connection would have its next request reset, so close it.
    refusal.headers.set('connection', 'close');
    return refusal;
  }
  const { db } = await appDatabase();
  const documents = await ingestUploads(db, read.uploads, { maxDocumentBytes });
  return json({ documents } satisfies IngestResponse, { status: ingestResponseStatus(documents) });
};
