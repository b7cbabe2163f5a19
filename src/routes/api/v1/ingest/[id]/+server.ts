/** GET /api/v1/ingest/[id]: a document's parse result and its comments' classification progress. */
import { json } from '@sveltejs/kit';
import { notFound } from '$lib/server/api/responses';
import { parseRouteId } from '$lib/route-id';
import { appDatabase } from '$lib/server/app-database';
import { findDocumentReport } from '$lib/server/ingest/upload/document-report.repository';
import type { DocumentReport } from '$lib/schemas/ingest';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const id = parseRouteId(params.id);
  const { db } = await appDatabase();
  const report = id === undefined ? undefined : await findDocumentReport(db, id);
  if (!report) return notFound('document');
  return json(report satisfies DocumentReport);
};
