/**
 * Decisions as people read them: one comment's history, oldest first, as its page shows it;
 * and the whole audit trail, newest first, a page at a time, as the API serves it. Both
 * share the columns and the mapping, so an entry means the same thing in either.
 */
import type { Kysely } from 'kysely';
import type { DecisionAction, ModerationStatus, RemoveReason } from '../../schemas/decision';
import type { Schema } from '../db/schema';

export interface DecisionEntry {
  id: number;
  moderator: { id: number; name: string };
  action: DecisionAction;
  reason: RemoveReason | null;
  note: string | null;
  statusBefore: ModerationStatus;
  statusAfter: ModerationStatus;
  /** The version the moderator acted on. */
  commentVersion: number;
  /** Acted on a stale version: kept for the record, it changed nothing. */
  conflict: boolean;
  undoesDecisionId: number | null;
  at: Date;
}

/** A trail entry also says which comment it is about. */
export type TrailEntry = DecisionEntry & { commentId: number };

/** decisions joined to their moderator's name (never any other user column). */
function decisionsWithModerator(db: Kysely<Schema>) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('users as u', 'u.id', 'd.moderator_id')
    .select([
      'd.id',
      'd.comment_id',
      'd.moderator_id',
      'u.name',
      'd.action',
      'd.reason',
      'd.note',
      'd.status_before',
      'd.status_after',
      'd.comment_version',
      'd.conflict',
      'd.undoes_decision_id',
      'd.created_at'
    ]);
}

type DecisionRow = Awaited<
  ReturnType<ReturnType<typeof decisionsWithModerator>['executeTakeFirstOrThrow']>
>;

function toDecisionEntry(row: DecisionRow): DecisionEntry {
  return {
    id: row.id,
    moderator: { id: row.moderator_id, name: row.name },
    action: row.action,
    reason: row.reason,
    note: row.note,
    statusBefore: row.status_before,
    statusAfter: row.status_after,
    commentVersion: row.comment_version,
    conflict: row.conflict,
    undoesDecisionId: row.undoes_decision_id,
    at: row.created_at
  };
}

function toTrailEntry(row: DecisionRow): TrailEntry {
  return { ...toDecisionEntry(row), commentId: row.comment_id };
}

export async function decisionHistory(
  db: Kysely<Schema>,
  commentId: number
): Promise<DecisionEntry[]> {
  return (await decisionHistories(db, [commentId])).get(commentId) ?? [];
}

/**
 * The histories of many comments in one query (a report's batch), by comment id, each
 * oldest first; a comment nobody decided on has no entry.
 */
export async function decisionHistories(
  db: Kysely<Schema>,
  commentIds: readonly number[]
): Promise<Map<number, DecisionEntry[]>> {
  const histories = new Map<number, DecisionEntry[]>();
  if (commentIds.length === 0) return histories;
  const rows = await decisionsWithModerator(db)
    .where('d.comment_id', 'in', commentIds)
    .orderBy('d.id')
    .execute();
  for (const row of rows) {
    const history = histories.get(row.comment_id) ?? [];
    if (history.length === 0) histories.set(row.comment_id, history);
    history.push(toDecisionEntry(row));
  }
  return histories;
}

export interface TrailFilter {
  /** A moderator's id (the API resolves a name to it first). */
  moderatorId?: number;
  commentId?: number;
  /** Decisions made at or after this moment. */
  since?: Date;
}

export interface TrailPage {
  entries: TrailEntry[];
  /** The id of the last entry when another page follows: the next page's `beforeId`. */
  nextBeforeId: number | null;
}

/**
 * The audit trail, newest first by id (ids grow with time; created_at is the transaction's
 * start, which concurrent transactions can commit out of order), keyset-paginated on it so
 * a page costs the same on the first page and the thousandth.
 */
export async function listDecisionTrail(
  db: Kysely<Schema>,
  filter: TrailFilter,
  { beforeId, limit }: { beforeId?: number; limit: number }
): Promise<TrailPage> {
  const rows = await decisionsWithModerator(db)
    .$if(filter.moderatorId !== undefined, (query) =>
      query.where('d.moderator_id', '=', filter.moderatorId!)
    )
    .$if(filter.commentId !== undefined, (query) =>
      query.where('d.comment_id', '=', filter.commentId!)
    )
    .$if(filter.since !== undefined, (query) => query.where('d.created_at', '>=', filter.since!))
    .$if(beforeId !== undefined, (query) => query.where('d.id', '<', beforeId!))
    .orderBy('d.id', 'desc')
    // One row more than the page tells whether another page follows.
    .limit(limit + 1)
    .execute();
  const entries = rows.slice(0, limit).map(toTrailEntry);
  return {
    entries,
    nextBeforeId: rows.length > limit ? (entries.at(-1)?.id ?? null) : null
  };
}

/** One decision by id, for the API's answer to a POST; undefined when there is none. */
export async function findTrailEntry(
  db: Kysely<Schema>,
  decisionId: number
): Promise<TrailEntry | undefined> {
  const row = await decisionsWithModerator(db).where('d.id', '=', decisionId).executeTakeFirst();
  return row && toTrailEntry(row);
}
