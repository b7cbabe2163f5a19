/**
 * The PDF report for people, made server-side with pdfkit: the cover (counts and charts)
 * and the table of removed and escalated comments. pdfkit's document is itself a readable
 * stream that emits pages as they are finished, so the table is drawn batch by batch while
 * the consumer reads.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { ModerationStatus } from '../../../schemas/decision';
import type { ReportFilter } from '../../../schemas/report-filter';
import type { Schema } from '../../db/schema';
import { reportBatches, type BatchOptions } from '../report-rows';
import { summarizeReport, type ReportSummary } from '../report-summary';
import { drawCover, type ReportMeta } from './cover';
import { drawDecidedTable } from './decided-table';

export type { ReportMeta } from './cover';

const DECIDED: ModerationStatus[] = ['removed', 'escalated'];

/** The report's filter narrowed to removed and escalated (within any status it names). */
function decidedOnly(filter: ReportFilter): ReportFilter | null {
  const status =
    filter.status.length === 0 ? DECIDED : filter.status.filter((s) => DECIDED.includes(s));
  return status.length === 0 ? null : { ...filter, status };
}

export function pdfReport(
  db: Kysely<Schema>,
  filter: ReportFilter,
  meta: ReportMeta,
  options: BatchOptions & { summary?: ReportSummary } = {}
): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: false,
    info: { Title: 'threadwatch moderation report', Creator: 'threadwatch' }
  });
  const draw = async () => {
    drawCover(doc, options.summary ?? (await summarizeReport(db, filter)), meta);
    const decided = decidedOnly(filter);
    await drawDecidedTable(doc, decided ? reportBatches(db, decided, options) : []);
    doc.end();
  };
  draw().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}
