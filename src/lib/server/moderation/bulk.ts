/**
 * Acting on many comments at once: a selection (each with the version the moderator saw),
 * or every comment matching a filter. Each comment gets its own decision row and result,
 * exactly as if decided alone; conflicts are per comment, never all-or-nothing.
 *
 * Status rows are locked in comment id order, so two bulk actions over overlapping
 * comments queue behind each other instead of deadlocking.
 */
import type { Kysely } from 'kysely';
import type { DecisionInput, ValidDecision } from '../../schemas/decision';
import type { QueueFilter } from '../../schemas/queue-filter';
import type { Schema } from '../db/schema';
import { decideLocked, validateDecision, type DecisionResult } from './decide';
import { countQueue } from './queue';
import { queueSource, severityOf } from './queue-query';

export type BulkDecision = Omit<DecisionInput, 'expectedVersion'> & { moderatorId: number };

export interface SelectedComment {
  commentId: number;
  expectedVersion: number;
}

/** One result per selected comment, in the order given; all in one transaction. */
export async function decideMany(
  db: Kysely<Schema>,
  selected: readonly SelectedComment[],
  decision: BulkDecision
): Promise<Array<{ commentId: number; result: DecisionResult }>> {
  const valid = selected.map((item) => ({
    commentId: item.commentId,
    decision: validateDecision({ ...decision, expectedVersion: item.expectedVersion })
  }));
  const results = await db.transaction().execute(async (trx) => {
    const byComment = new Map<number, DecisionResult>();
    for (const item of [...valid].sort((a, b) => a.commentId - b.commentId)) {
      byComment.set(
        item.commentId,
        await decideLocked(trx, item.commentId, decision.moderatorId, item.decision)
      );
    }
    return byComment;
  });
  return valid.map(({ commentId }) => ({ commentId, result: results.get(commentId)! }));
}

export type DecideAllResult =
  | { ok: true; applied: number; conflicts: number; nothingToUndo: number }
  /** The filter matches a different number of comments than the moderator confirmed. */
  | { ok: false; currentCount: number };

export const BULK_CHUNK_SIZE = 500;

/**
 * Decides every comment matching the filter, provided it still matches `expectedCount`
 * (the count the confirmation showed), and never more than that many. Comments are read
 * in keyset chunks, each decided in its own transaction against the version it was read
 * at, so a million matches never sit in memory and a moderator acting meanwhile on one of
 * them gets their decision kept (this action's row for it is recorded as a conflict).
 */
export async function decideAllMatching(
  db: Kysely<Schema>,
  filter: QueueFilter,
  decision: BulkDecision,
  { expectedCount, chunkSize = BULK_CHUNK_SIZE }: { expectedCount: number; chunkSize?: number }
): Promise<DecideAllResult> {
  const valid: ValidDecision = validateDecision({ ...decision, expectedVersion: 0 });
  const currentCount = await countQueue(db, filter);
  if (currentCount !== expectedCount) return { ok: false, currentCount };
  const totals = { applied: 0, conflicts: 0, nothingToUndo: 0 };
  let after: { severity: number; commentId: number } | undefined;
  let remaining = expectedCount;
  while (remaining > 0) {
    const chunk = await queueSource(db, filter, after)
      .select(['s.comment_id', severityOf(filter).as('severity'), 'm.version'])
      .orderBy(severityOf(filter), 'desc')
      .orderBy('s.comment_id', 'desc')
      .limit(Math.min(chunkSize, remaining))
      .execute();
    const last = chunk.at(-1);
    if (last === undefined) break;
    after = { severity: Number(last.severity), commentId: last.comment_id };
    remaining -= chunk.length;
    await db.transaction().execute(async (trx) => {
      for (const row of [...chunk].sort((a, b) => a.comment_id - b.comment_id)) {
        const expectedVersion = row.version ?? 0;
        const result = await decideLocked(trx, row.comment_id, decision.moderatorId, {
          ...valid,
          expectedVersion
        });
        if (result.outcome === 'applied') totals.applied += 1;
        else if (result.outcome === 'conflict') totals.conflicts += 1;
        else totals.nothingToUndo += 1;
      }
    });
  }
  return { ok: true, ...totals };
}
