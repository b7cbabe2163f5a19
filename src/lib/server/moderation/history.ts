/** A comment's decisions, oldest first, as the audit trail on its page shows them. */
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

export async function decisionHistory(
  db: Kysely<Schema>,
  commentId: number
): Promise<DecisionEntry[]> {
  return (await decisionHistories(db, [commentId])).get(commentId) ?? [];
}

/**
 * The histories of many comments in one query (a report's batch), by comment id; a comment
 * nobody decided on has no entry.
 */
export async function decisionHistories(
  db: Kysely<Schema>,
  commentIds: readonly number[]
): Promise<Map<number, DecisionEntry[]>> {
  const histories = new Map<number, DecisionEntry[]>();
  if (commentIds.length === 0) return histories;
  const rows = await db
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
    ])
    .where('d.comment_id', 'in', commentIds)
    .orderBy('d.id')
    .execute();
  for (const row of rows) {
    const history = histories.get(row.comment_id) ?? [];
    if (history.length === 0) histories.set(row.comment_id, history);
    history.push(toEntry(row));
  }
  return histories;
}

function toEntry(row: {
  id: number;
  moderator_id: number;
  name: string;
  action: DecisionAction;
  reason: RemoveReason | null;
  note: string | null;
  status_before: ModerationStatus;
  status_after: ModerationStatus;
  comment_version: number;
  conflict: boolean;
  undoes_decision_id: number | null;
  created_at: Date;
}): DecisionEntry {
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
