/** The decisions log: inserts (never updates, see the migration's trigger) and look-ups. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DecisionAction, ModerationStatus, RemoveReason } from '../../schemas/decision';
import type { Schema } from '../db/schema';

export interface NewDecision {
  commentId: number;
  moderatorId: number;
  action: DecisionAction;
  reason: RemoveReason | null;
  note: string | null;
  statusBefore: ModerationStatus;
  statusAfter: ModerationStatus;
  commentVersion: number;
  conflict: boolean;
  undoesDecisionId: number | null;
}

export async function insertDecision(
  trx: Transaction<Schema>,
  decision: NewDecision
): Promise<number> {
  const { id } = await trx
    .insertInto('decisions')
    .values({
      comment_id: decision.commentId,
      moderator_id: decision.moderatorId,
      action: decision.action,
      reason: decision.reason,
      note: decision.note,
      status_before: decision.statusBefore,
      status_after: decision.statusAfter,
      comment_version: decision.commentVersion,
      conflict: decision.conflict,
      undoes_decision_id: decision.undoesDecisionId
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * What an undo reverts: the latest applied decision on the comment that is not an undo and
 * not undone already. Undos so walk back through the log one decision at a time.
 */
export function findUndoTarget(
  trx: Kysely<Schema>,
  commentId: number
): Promise<{ id: number; statusBefore: ModerationStatus } | undefined> {
  return trx
    .selectFrom('decisions as d')
    .select(['d.id', 'd.status_before as statusBefore'])
    .where('d.comment_id', '=', commentId)
    .where('d.conflict', '=', false)
    .where('d.action', '<>', 'undo')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('decisions as u')
            .select(sql`1`.as('one'))
            .whereRef('u.undoes_decision_id', '=', 'd.id')
        )
      )
    )
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Who made a decision and when, for the conflict notice. */
export function findDecisionAuthor(
  trx: Kysely<Schema>,
  decisionId: number
): Promise<{ by: string; at: Date } | undefined> {
  return trx
    .selectFrom('decisions as d')
    .innerJoin('users as u', 'u.id', 'd.moderator_id')
    .select(['u.name as by', 'd.created_at as at'])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
}
