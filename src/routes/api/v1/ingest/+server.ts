/**
 * POST /api/v1/ingest: one document as the body (`?name=` names it) or a multipart form with
 * `file` fields and/or pasted `text`. Answers `{ documents: [...] }`, one result per document,
 * or `{ message }` with 400/413/415 when the request itself is refused (nothing stored).
 */
import { json } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { config } from '$lib/server/config';
import { ingestResponseStatus, ingestUploads } from '$lib/server/ingest/upload/ingest-uploads';
import { readUploads } from '$lib/server/ingest/upload/read-uploads';
import type { ApiError, IngestResponse } from '$lib/schemas/ingest';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, url }) => {
  const { maxDocumentBytes } = config();
  const read = await readUploads(request, { name: url.searchParams.get('name'), maxDocumentBytes });
  if ('refused' in read) {
    const { status, message } = read.refused;
    return json({ message } satisfies ApiError, { status });
  }
  const { db } = await appDatabase();
  const documents = await ingestUploads(db, read.uploads, { maxDocumentBytes });
  return json({ documents } satisfies IngestResponse, { status: ingestResponseStatus(documents) });
};
