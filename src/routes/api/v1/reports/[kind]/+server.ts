/**
 * GET /api/v1/reports/{csv|json|ndjson|pdf}?from=&to=&outlet=&article=&status=&label=
 * A moderation report as a download, streamed while it is read from the database. The
 * /reports page's download buttons submit its filter form here; scripts call it with a
 * Bearer token. Recorded in the audit trail before the first byte is sent.
 */
import { Readable } from 'node:stream';
import {
  REPORT_FORMATS,
  reportFilterInput,
  reportFilterSchema,
  type ReportFormat
} from '$lib/schemas/report-filter';
import { apiError, fieldIssues, invalidInput } from '$lib/server/api/responses';
import { appDatabase } from '$lib/server/app-database';
import { startExport } from '$lib/server/reports';
import type { RequestHandler } from './$types';

const isFormat = (kind: string): kind is ReportFormat =>
  (REPORT_FORMATS as readonly string[]).includes(kind);

export const GET: RequestHandler = async ({ params, url, locals, request }) => {
  const format = params.kind;
  if (!isFormat(format))
    return apiError(
      404,
      'not_found',
      `No report format ${format}: use ${REPORT_FORMATS.join(', ')}`
    );
  const parsed = reportFilterSchema.safeParse(reportFilterInput(url.searchParams));
  if (!parsed.success) return invalidInput(fieldIssues(parsed.error.issues));
  const { db } = await appDatabase();
  const user = locals.user!;
  const started = await startExport(db, {
    format,
    filter: parsed.data,
    user: { id: user.id, name: user.name },
    via: request.headers.has('authorization') ? 'api' : 'web'
  });
  return new Response(Readable.toWeb(started.stream) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': started.contentType,
      'content-disposition': `attachment; filename="${started.fileName}"`,
      'cache-control': 'no-store',
      'x-report-rows': String(started.rows)
    }
  });
};
