/**
 * GET /api/v1/queue: the review queue as the queue page lists it — the same filter schema,
 * the same query and the same opaque keyset cursor (`nextCursor`, passed back as `after`).
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { queueFilterSchema } from '../../schemas/queue-filter';
import type { Schema } from '../db/schema';
import { InvalidCursorError, listQueue, MAX_PAGE_SIZE } from '../moderation';
import { limitParam, parseQuery } from './query-params';
import { invalidInput } from './responses';

const pagingSchema = z.object({
  after: z.string().min(1).optional(),
  limit: limitParam(50, MAX_PAGE_SIZE)
});

export async function queueResponse(db: Kysely<Schema>, params: URLSearchParams) {
  const query = parseQuery(params, { filter: queueFilterSchema, paging: pagingSchema });
  if (!query.ok) return query.response;
  const { filter, paging } = query.value;
  try {
    const page = await listQueue(db, filter, paging);
    return json({ filter, items: page.items, nextCursor: page.nextCursor });
  } catch (cause) {
    if (cause instanceof InvalidCursorError) {
      return invalidInput([{ field: 'after', message: cause.message }]);
    }
    throw cause;
  }
}
