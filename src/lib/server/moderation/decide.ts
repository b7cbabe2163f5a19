/**
 * One moderator's decision on one comment, with optimistic concurrency: the moderator says
 * which version of the comment's status they saw. In one transaction the status row is
 * locked (FOR UPDATE), the decision appended to the log, and the status cache moved on.
 *
 * Two moderators acting on the same version: the first applies; the second is recorded as
 * well (conflict = true, status unchanged) and gets a conflict notice naming who acted
 * first, instead of silently overwriting their decision.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  decisionInputSchema,
  STATUS_AFTER,
  type DecisionInput,
  type ModerationStatus,
  type ValidDecision
} from '../../schemas/decision';
import type { Schema } from '../db/schema';
import { findDecisionAuthor, findUndoTarget, insertDecision } from './decisions.repository';
import { advanceStatus, lockOrCreateStatus, lockStatus } from './moderation-status.repository';

export interface DecisionConflict {
  currentStatus: ModerationStatus;
  currentVersion: number;
  /** Name of the moderator whose decision made the version current; null at version 0. */
  by: string | null;
  at: Date | null;
}

export type DecisionResult =
  | { ok: true; outcome: 'applied'; decisionId: number; status: ModerationStatus; version: number }
  | { ok: false; outcome: 'conflict'; decisionId: number; conflict: DecisionConflict }
  | { ok: false; outcome: 'nothing_to_undo'; status: ModerationStatus; version: number };

export type DecisionRequest = DecisionInput & { commentId: number; moderatorId: number };

/** The input broke the decision schema (e.g. remove without a reason from the list). */
export class InvalidDecisionError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid decision: ${issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'InvalidDecisionError';
  }
}

/** Throws InvalidDecisionError for input the schema refuses. */
export function validateDecision(input: DecisionInput): ValidDecision {
  const parsed = decisionInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidDecisionError(parsed.error.issues);
  return parsed.data;
}

export async function decide(
  db: Kysely<Schema>,
  request: DecisionRequest
): Promise<DecisionResult> {
  const decision = validateDecision(request);
  return db
    .transaction()
    .execute((trx) => decideLocked(trx, request.commentId, request.moderatorId, decision));
}

/** The decision inside a caller's transaction (bulk actions run many in one). */
export async function decideLocked(
  trx: Transaction<Schema>,
  commentId: number,
  moderatorId: number,
  decision: ValidDecision
): Promise<DecisionResult> {
  // An undo on a comment nobody decided yet changes nothing: don't create its status row.
  const current =
    decision.action === 'undo'
      ? await lockStatus(trx, commentId)
      : await lockOrCreateStatus(trx, commentId);
  const status = current?.status ?? 'pending';
  const version = current?.version ?? 0;
  const base = {
    commentId,
    moderatorId,
    action: decision.action,
    reason: decision.reason ?? null,
    note: decision.note || null,
    statusBefore: status,
    commentVersion: decision.expectedVersion
  };
  if (current !== undefined && version !== decision.expectedVersion) {
    const decisionId = await insertDecision(trx, {
      ...base,
      statusAfter: status,
      conflict: true,
      undoesDecisionId: null
    });
    const author =
      current.lastDecisionId === null
        ? undefined
        : await findDecisionAuthor(trx, current.lastDecisionId);
    return {
      ok: false,
      outcome: 'conflict',
      decisionId,
      conflict: {
        currentStatus: status,
        currentVersion: version,
        by: author?.by ?? null,
        at: author?.at ?? null
      }
    };
  }
  let statusAfter: ModerationStatus;
  let undoesDecisionId: number | null = null;
  if (decision.action === 'undo') {
    const undone = await findUndoTarget(trx, commentId);
    if (undone === undefined) return { ok: false, outcome: 'nothing_to_undo', status, version };
    statusAfter = undone.statusBefore;
    undoesDecisionId = undone.id;
  } else {
    statusAfter = STATUS_AFTER[decision.action];
  }
  const decisionId = await insertDecision(trx, {
    ...base,
    statusAfter,
    conflict: false,
    undoesDecisionId
  });
  const newVersion = await advanceStatus(trx, commentId, statusAfter, decisionId);
  return { ok: true, outcome: 'applied', decisionId, status: statusAfter, version: newVersion };
}
