/** GET /api/v1/ingest/[id]: a document's parse result and its comments' classification progress. */
import { json } from '@sveltejs/kit';
import { parseRouteId } from '$lib/route-id';
import { appDatabase } from '$lib/server/app-database';
import { findDocumentReport } from '$lib/server/ingest/upload/document-report.repository';
import type { ApiError, DocumentReport } from '$lib/schemas/ingest';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const id = parseRouteId(params.id);
  const { db } = await appDatabase();
  const report = id === undefined ? undefined : await findDocumentReport(db, id);
  if (!report)
    return json({ message: `No document ${params.id}` } satisfies ApiError, { status: 404 });
  return json(report satisfies DocumentReport);
};
