/**
 * CSV: one row per comment, written by csv-stringify (RFC 4180 quoting: commas, quotes,
 * CR/LF inside comment text survive a round trip). The rows are pulled from the database
 * only as fast as the consumer reads: Readable.from asks the batch reader for more only when
 * the stringifier has room, so at most about one batch is in memory.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Kysely } from 'kysely';
import type { ReportFilter } from '../../../schemas/report-filter';
import { LABELS } from '../../classify/types';
import type { Schema } from '../../db/schema';
import { reportBatches, type BatchOptions, type ReportRow } from '../report-rows';

export const CSV_COLUMNS = [
  'comment_id',
  'article_id',
  'article_title',
  'outlet',
  'parent_id',
  'author',
  'posted_at',
  'posted_at_raw',
  'ingested_at',
  'text',
  ...LABELS.map((label) => `score_${label}`),
  'flagged',
  'status',
  'last_decision',
  'last_decision_at',
  'moderator',
  'reason',
  'note'
] as const;

type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** Flagged labels are joined with ';' so the cell holds no comma. */
export function toCsvRecord(row: ReportRow): CsvRecord {
  const scores = Object.fromEntries(
    LABELS.map((label) => [`score_${label}`, row.scores?.[label] ?? null])
  );
  return {
    comment_id: row.commentId,
    article_id: row.articleId,
    article_title: row.articleTitle,
    outlet: row.outlet,
    parent_id: row.parentId,
    author: row.author,
    posted_at: row.postedAt?.toISOString() ?? null,
    posted_at_raw: row.postedAtRaw,
    ingested_at: row.ingestedAt.toISOString(),
    text: row.text,
    ...(scores as Record<`score_${(typeof LABELS)[number]}`, number | null>),
    flagged: row.flagged.join(';'),
    status: row.status,
    last_decision: row.lastDecision?.action ?? null,
    last_decision_at: row.lastDecision?.at.toISOString() ?? null,
    moderator: row.lastDecision?.moderator ?? null,
    reason: row.lastDecision?.reason ?? null,
    note: row.lastDecision?.note ?? null
  };
}

async function* csvRecords(
  db: Kysely<Schema>,
  filter: ReportFilter,
  options: BatchOptions
): AsyncGenerator<CsvRecord> {
  for await (const batch of reportBatches(db, filter, options)) yield* batch.map(toCsvRecord);
}

export function csvReport(
  db: Kysely<Schema>,
  filter: ReportFilter,
  options: BatchOptions = {}
): Readable {
  const stringifier = stringify({
    header: true,
    columns: [...CSV_COLUMNS],
    // Excel opens UTF-8 (emoji, Hebrew) correctly only with a byte-order mark.
    bom: true,
    record_delimiter: 'windows'
  });
  const records = Readable.from(csvRecords(db, filter, options));
  records.once('error', (error) => stringifier.destroy(error));
  return records.pipe(stringifier);
}
