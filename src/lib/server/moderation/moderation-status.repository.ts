/**
 * comment_moderation, the cache of the decisions log: a comment's current status and the
 * version moderators act against. A comment without a row is pending at version 0.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ModerationStatus } from '../../schemas/decision';
import type { Schema } from '../db/schema';

export interface CurrentStatus {
  status: ModerationStatus;
  version: number;
  lastDecisionId: number | null;
}

const PENDING: CurrentStatus = { status: 'pending', version: 0, lastDecisionId: null };

/** Reads and locks (FOR UPDATE) the status row; undefined when the comment has none yet. */
export async function lockStatus(
  trx: Transaction<Schema>,
  commentId: number
): Promise<CurrentStatus | undefined> {
  const row = await trx
    .selectFrom('comment_moderation')
    .select(['status', 'version', 'last_decision_id'])
    .where('comment_id', '=', commentId)
    .forUpdate()
    .executeTakeFirst();
  return row && { status: row.status, version: row.version, lastDecisionId: row.last_decision_id };
}

/**
 * Locks the status row, creating it (pending, version 0) first when missing. Two first
 * decisions racing both insert with DO NOTHING, then queue on the same row lock.
 */
export async function lockOrCreateStatus(
  trx: Transaction<Schema>,
  commentId: number
): Promise<CurrentStatus> {
  const existing = await lockStatus(trx, commentId);
  if (existing) return existing;
  await trx
    .insertInto('comment_moderation')
    .values({ comment_id: commentId, status: 'pending', version: 0 })
    .onConflict((conflict) => conflict.column('comment_id').doNothing())
    .execute();
  return (await lockStatus(trx, commentId)) ?? PENDING;
}

/** Moves the status on after an applied decision: the version counts applied decisions. */
export async function advanceStatus(
  trx: Transaction<Schema>,
  commentId: number,
  status: ModerationStatus,
  decisionId: number
): Promise<number> {
  const { version } = await trx
    .updateTable('comment_moderation')
    .set((eb) => ({
      status,
      version: eb('version', '+', 1),
      last_decision_id: decisionId,
      // The transaction's now(): the decision's created_at, as rebuildModerationStatus sets it.
      updated_at: sql<Date>`now()`
    }))
    .where('comment_id', '=', commentId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}

export async function findStatus(db: Kysely<Schema>, commentId: number): Promise<CurrentStatus> {
  const row = await db
    .selectFrom('comment_moderation')
    .select(['status', 'version', 'last_decision_id'])
    .where('comment_id', '=', commentId)
    .executeTakeFirst();
  return row
    ? { status: row.status, version: row.version, lastDecisionId: row.last_decision_id }
    : PENDING;
}
