/**
 * GET /api/v1/comments/[id]/decisions: the comment's history, oldest first.
 * POST: a decision, JSON `{ action, reason?, note?, version }`, where `version` is the one
 * the script last read (GET /api/v1/comments/[id] or the queue). Answers
 * - 201 with the decision and the new status and version;
 * - 409 `stale_version` when someone decided meanwhile: the decision is recorded as a
 *   conflict (as on the comment page) and the answer carries the current status, version
 *   and who decided, so the script can re-read and decide again;
 * - 400 for bad input, with each field's problem (the decision schema's own messages).
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseRouteId } from '../../route-id';
import type { DecisionInput } from '../../schemas/decision';
import type { Schema } from '../db/schema';
import { findCommentById } from '../corpus';
import {
  decide,
  decisionHistory,
  findTrailEntry,
  InvalidDecisionError,
  type DecisionResult
} from '../moderation';
import { apiError, fieldIssues, invalidInput, notFound } from './responses';

/**
 * The JSON envelope: field names and JSON types. What the values mean (an action from the
 * list, a reason exactly when removing, a note's length) is the decision schema's job,
 * checked by `decide`. `version` must be a JSON integer: a missing or null one is refused,
 * never read as 0.
 */
const decisionBodySchema = z.strictObject({
  action: z.string({ error: 'required: approve, remove, escalate or undo' }),
  reason: z.string().nullish(),
  note: z.string().nullish(),
  version: z
    .number({
      // Typed as invalid_type only, but zod hands the checks' issues here too.
      error: (issue) =>
        (issue.code as string) === 'too_small'
          ? 'the version is 0 or more'
          : 'required: the version of the comment you read, an integer'
    })
    .int()
    .min(0)
});

/** decide's input says `expectedVersion`; the API says `version`. */
const API_FIELD: Record<string, string> = { expectedVersion: 'version' };

export async function commentDecisionsResponse(
  db: Kysely<Schema>,
  rawId: string
): Promise<Response> {
  const commentId = await existingCommentId(db, rawId);
  if (commentId === undefined) return notFound('comment');
  return json({ decisions: await decisionHistory(db, commentId) });
}

export async function postDecisionResponse(
  db: Kysely<Schema>,
  rawId: string,
  request: Request,
  moderatorId: number
): Promise<Response> {
  const commentId = await existingCommentId(db, rawId);
  if (commentId === undefined) return notFound('comment');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, 'invalid_json', 'The body must be JSON: {"action", "version", …}');
  }
  const parsed = decisionBodySchema.safeParse(body);
  if (!parsed.success) return invalidInput(fieldIssues(parsed.error.issues));
  const { action, reason, note, version } = parsed.data;
  let result: DecisionResult;
  try {
    result = await decide(db, {
      commentId,
      moderatorId,
      // Only the types are asserted here: decide checks the values against the schema.
      action: action as DecisionInput['action'],
      reason: (reason ?? undefined) as DecisionInput['reason'],
      note: note ?? undefined,
      expectedVersion: version
    });
  } catch (cause) {
    if (!(cause instanceof InvalidDecisionError)) throw cause;
    return invalidInput(
      fieldIssues(cause.issues).map((issue) => ({
        ...issue,
        field: issue.field === null ? null : (API_FIELD[issue.field] ?? issue.field)
      }))
    );
  }
  return decisionResultResponse(db, result);
}

async function decisionResultResponse(db: Kysely<Schema>, result: DecisionResult) {
  if (result.outcome === 'nothing_to_undo') {
    return apiError(409, 'nothing_to_undo', 'There is no decision to undo on this comment.', {
      current: { status: result.status, version: result.version }
    });
  }
  const decision = await findTrailEntry(db, result.decisionId);
  if (result.outcome === 'applied') {
    return json({ decision, status: result.status, version: result.version }, { status: 201 });
  }
  const { by, at, currentStatus, currentVersion } = result.conflict;
  return apiError(
    409,
    'stale_version',
    `${by ?? 'Another moderator'} decided this comment after the version you sent: it is now ` +
      `${currentStatus} at version ${currentVersion}. Your decision was recorded as a conflict ` +
      'and not applied; read the comment again and decide.',
    {
      current: { status: currentStatus, version: currentVersion, decidedBy: by, decidedAt: at },
      decision
    }
  );
}

async function existingCommentId(db: Kysely<Schema>, rawId: string) {
  const id = parseRouteId(rawId);
  if (id === undefined) return undefined;
  return (await findCommentById(db, id))?.id;
}
