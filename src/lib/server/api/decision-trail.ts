/**
 * GET /api/v1/decisions: the moderation audit trail, newest first, a page at a time
 * (`nextCursor`, passed back as `after`), filtered by `moderator` (a user name), `comment`
 * (an id) and `since` (an ISO 8601 date-time with its offset).
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findUserByName } from '../auth/users.repository';
import type { Schema } from '../db/schema';
import { listDecisionTrail } from '../moderation';
import { limitParam, parseQuery } from './query-params';
import { invalidInput } from './responses';

export const MAX_TRAIL_PAGE = 200;

/**
 * The cursor is the last entry's id, made opaque so scripts pass it back rather than
 * compute one (the key may change).
 */
const encodeTrailCursor = (id: number) => Buffer.from(`d${id}`).toString('base64url');

const trailCursor = z.string().transform((cursor, context) => {
  const match = /^d([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match) return Number(match[1]);
  context.addIssue({ code: 'custom', message: 'not a cursor this API gave; start over' });
  return z.NEVER;
});

const trailQuerySchema = z.object({
  moderator: z.string().trim().min(1).optional(),
  comment: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  since: z.iso
    .datetime({ offset: true, error: 'an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z' })
    .transform((text) => new Date(text))
    .optional(),
  after: trailCursor.optional(),
  limit: limitParam(50, MAX_TRAIL_PAGE)
});

export async function decisionTrailResponse(
  db: Kysely<Schema>,
  params: URLSearchParams
): Promise<Response> {
  const query = parseQuery(params, { trail: trailQuerySchema });
  if (!query.ok) return query.response;
  const { moderator, comment, since, after, limit } = query.value.trail;
  let moderatorId: number | undefined;
  if (moderator !== undefined) {
    moderatorId = (await findUserByName(db, moderator))?.id;
    // A misspelt name is an error, not an empty trail that reads as "did nothing".
    if (moderatorId === undefined) {
      return invalidInput([{ field: 'moderator', message: `no user named ${moderator}` }]);
    }
  }
  const page = await listDecisionTrail(
    db,
    { moderatorId, commentId: comment, since },
    { beforeId: after, limit }
  );
  return json({
    decisions: page.entries,
    nextCursor: page.nextBeforeId === null ? null : encodeTrailCursor(page.nextBeforeId)
  });
}
