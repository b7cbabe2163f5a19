/**
 * Starting an export, the one entry point the endpoint and the CLI share: count what the
 * filter selects, record who exported what ('export' in the audit trail: format, filter,
 * rows) before the first byte leaves, then hand back the stream to send or write.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  describeReportFilter,
  type ReportFilter,
  type ReportFormat
} from '../../schemas/report-filter';
import { recordAuditEvent } from '../audit';
import type { Schema } from '../db/schema';
import { csvReport } from './formats/csv';
import { jsonReport } from './formats/json';
import { pdfReport } from './pdf/report-pdf';
import type { BatchOptions } from './report-rows';
import { summarizeReport } from './report-summary';

export const EXPORT_ACTION = 'export';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  pdf: 'application/pdf'
};

export interface ExportRequest {
  format: ReportFormat;
  filter: ReportFilter;
  /** Who exports: a signed-in user, or null from the CLI. */
  user: { id: number; name: string } | null;
  /** Where from, for the audit trail: 'web', 'api' or 'cli'. */
  via: string;
}

export interface StartedExport {
  stream: Readable;
  /** Comments the filter selected when the export started. */
  rows: number;
  fileName: string;
  contentType: string;
  auditEventId: number;
}

/** threadwatch-report-20240501-134502.csv (UTC): sorts by time, safe in every file system. */
export function exportFileName(format: ReportFormat, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `threadwatch-report-${stamp}.${format}`;
}

export async function startExport(
  db: Kysely<Schema>,
  request: ExportRequest,
  options: BatchOptions = {}
): Promise<StartedExport> {
  const { format, filter, user } = request;
  const summary = await summarizeReport(db, filter);
  const described = describeReportFilter(filter);
  const auditEventId = await recordAuditEvent(db, {
    userId: user?.id ?? null,
    action: EXPORT_ACTION,
    detail: { format, filter: described, rows: summary.comments, via: request.via }
  });
  const generatedAt = new Date();
  const stream =
    format === 'csv'
      ? csvReport(db, filter, options)
      : format === 'pdf'
        ? pdfReport(
            db,
            filter,
            { generatedAt, generatedBy: user?.name ?? null, filter: described },
            { ...options, summary }
          )
        : jsonReport(db, filter, { ...options, lines: format === 'ndjson' });
  return {
    stream,
    rows: summary.comments,
    fileName: exportFileName(format, generatedAt),
    contentType: CONTENT_TYPES[format],
    auditEventId
  };
}
