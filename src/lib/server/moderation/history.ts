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
  const rows = await db
    .selectFrom('decisions as d')
    .innerJoin('users as u', 'u.id', 'd.moderator_id')
    .select([
      'd.id',
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
    .where('d.comment_id', '=', commentId)
    .orderBy('d.id')
    .execute();
  return rows.map((row) => ({
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
  }));
}
