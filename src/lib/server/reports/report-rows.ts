/**
 * A report's comments, read in batches: keyset pagination on comment id (`c.id > last`
 * ordered by id, `batchSize` at a time), so an export of a million comments holds one batch
 * at a time and works the same on PGlite and PostgreSQL (no server-side cursor, no
 * transaction held open while a slow client downloads). Each batch is its own query, so a
 * comment decided on during a long export shows the status it had when its batch was read.
 */
import type { Kysely } from 'kysely';
import type { ModerationStatus } from '../../schemas/decision';
import type { ReportFilter } from '../../schemas/report-filter';
import { LABELS, type Label, type LabelScores, type Span } from '../classify/types';
import type { Schema } from '../db/schema';
import { decisionHistories, type DecisionEntry } from '../moderation/history';
import { currentStatus, reportSource } from './report-source';

export const DEFAULT_BATCH_SIZE = 1000;

export interface LastDecision {
  action: DecisionEntry['action'];
  reason: DecisionEntry['reason'];
  note: string | null;
  moderator: string;
  at: Date;
}

/** One comment as every export format describes it. */
export interface ReportRow {
  commentId: number;
  articleId: number;
  articleTitle: string | null;
  outlet: string | null;
  parentId: number | null;
  author: string | null;
  postedAt: Date | null;
  postedAtRaw: string | null;
  ingestedAt: Date;
  text: string;
  /** Null until the comment is classified. */
  scores: LabelScores | null;
  flagged: Label[];
  status: ModerationStatus;
  lastDecision: LastDecision | null;
}

export interface ReportRowWithHistory extends ReportRow {
  spans: Span[];
  /** Every decision, oldest first, conflicts and undos included. */
  decisions: DecisionEntry[];
}

export interface BatchOptions {
  batchSize?: number;
}

function batchQuery(db: Kysely<Schema>, filter: ReportFilter, afterId: number, limit: number) {
  return reportSource(db, filter)
    .leftJoin('decisions as ld', 'ld.id', 'm.last_decision_id')
    .leftJoin('users as lu', 'lu.id', 'ld.moderator_id')
    .select([
      'c.id',
      'c.article_id',
      'a.title',
      'a.outlet',
      'c.parent_id',
      'c.author',
      'c.posted_at',
      'c.posted_at_raw',
      'd.ingested_at',
      'c.text',
      's.comment_id as scored_id',
      ...LABELS.map((label) => `s.${label}` as const),
      's.flagged',
      's.spans',
      currentStatus.as('status'),
      'ld.action as last_action',
      'ld.reason as last_reason',
      'ld.note as last_note',
      'ld.created_at as last_at',
      'lu.name as last_moderator'
    ])
    .where('c.id', '>', afterId)
    .orderBy('c.id')
    .limit(limit);
}

type BatchRecord = Awaited<ReturnType<ReturnType<typeof batchQuery>['execute']>>[number];

function toReportRow(record: BatchRecord): ReportRow {
  const scored = record.scored_id !== null;
  return {
    commentId: record.id,
    articleId: record.article_id,
    articleTitle: record.title,
    outlet: record.outlet,
    parentId: record.parent_id,
    author: record.author,
    postedAt: record.posted_at,
    postedAtRaw: record.posted_at_raw,
    ingestedAt: record.ingested_at,
    text: record.text,
    scores: scored
      ? (Object.fromEntries(LABELS.map((label) => [label, record[label]])) as LabelScores)
      : null,
    flagged: record.flagged ?? [],
    status: record.status as ModerationStatus,
    lastDecision:
      record.last_action === null || record.last_at === null
        ? null
        : {
            action: record.last_action,
            reason: record.last_reason,
            note: record.last_note,
            moderator: record.last_moderator ?? '',
            at: record.last_at
          }
  };
}

async function* recordBatches(
  db: Kysely<Schema>,
  filter: ReportFilter,
  { batchSize = DEFAULT_BATCH_SIZE }: BatchOptions
): AsyncGenerator<BatchRecord[]> {
  let afterId = 0;
  for (;;) {
    const records = await batchQuery(db, filter, afterId, batchSize).execute();
    if (records.length > 0) yield records;
    if (records.length < batchSize) return;
    afterId = records[records.length - 1]!.id;
  }
}

/** The report's comments in id order, one batch (one query) at a time. */
export async function* reportBatches(
  db: Kysely<Schema>,
  filter: ReportFilter,
  options: BatchOptions = {}
): AsyncGenerator<ReportRow[]> {
  for await (const records of recordBatches(db, filter, options)) yield records.map(toReportRow);
}

/** As reportBatches, with spans and full decision histories (one more query a batch). */
export async function* reportBatchesWithHistory(
  db: Kysely<Schema>,
  filter: ReportFilter,
  options: BatchOptions = {}
): AsyncGenerator<ReportRowWithHistory[]> {
  for await (const records of recordBatches(db, filter, options)) {
    const histories = await decisionHistories(
      db,
      records.map((record) => record.id)
    );
    yield records.map((record) => ({
      ...toReportRow(record),
      spans: record.spans ?? [],
      decisions: histories.get(record.id) ?? []
    }));
  }
}
