/**
 * The moderator's queue: comments matching a filter, worst first, a page at a time.
 * See queue-query.ts for the order and the indexes that serve it.
 */
import { sql, type Kysely } from 'kysely';
import type { ModerationStatus } from '../../schemas/decision';
import type { QueueFilter } from '../../schemas/queue-filter';
import { LABELS, type Label, type LabelScores, type Span } from '../classify/types';
import type { Schema } from '../db/schema';
import { authorStatsByName, type AuthorStats } from './author-stats';
import { decodeCursor, encodeCursor } from './queue-cursor';
import { queueSource, severityOf } from './queue-query';

export interface QueueItem {
  comment: {
    id: number;
    text: string;
    author: string | null;
    postedAt: Date | null;
    position: number;
  };
  article: { id: number; title: string | null; outlet: string | null };
  /** The text of the comment this one replies to, for context. */
  parentText: string | null;
  scores: LabelScores;
  flagged: Label[];
  /** Offsets into comment.text, each with the lexicon's or the model's reason. */
  spans: Span[];
  status: ModerationStatus;
  /** Pass back as expectedVersion when deciding. */
  version: number;
  /** The author's record across the corpus; null for an anonymous comment. */
  authorStats: AuthorStats | null;
}

export interface QueuePage {
  items: QueueItem[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

export const MAX_PAGE_SIZE = 200;

/** The page query without running it: listQueue runs it, and its SQL is snapshotted. */
export function queuePageQuery(
  db: Kysely<Schema>,
  filter: QueueFilter,
  options: { after?: string; limit: number }
) {
  const after = options.after === undefined ? undefined : decodeCursor(options.after);
  return queueSource(db, filter, after)
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('comments as p', 'p.id', 'c.parent_id')
    .select([
      'c.id',
      'c.text',
      'c.author',
      'c.posted_at',
      'c.position',
      'a.id as article_id',
      'a.title',
      'a.outlet',
      'p.text as parent_text',
      's.flagged',
      's.spans',
      ...LABELS.map((label) => `s.${label}` as const),
      sql<ModerationStatus>`coalesce(m.status, 'pending')`.as('status'),
      sql<number>`coalesce(m.version, 0)`.as('version'),
      severityOf(filter).as('severity')
    ])
    .orderBy(severityOf(filter), 'desc')
    .orderBy('s.comment_id', 'desc')
    .limit(options.limit + 1);
}

/** Throws InvalidCursorError for a cursor that encodeCursor did not make. */
export async function listQueue(
  db: Kysely<Schema>,
  filter: QueueFilter,
  { after, limit = 50 }: { after?: string; limit?: number } = {}
): Promise<QueuePage> {
  const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.trunc(limit)));
  // One row more than the page tells whether another page follows.
  const rows = await queuePageQuery(db, filter, { after, limit: pageSize }).execute();
  const page = rows.slice(0, pageSize);
  const stats = await authorStatsByName(
    db,
    page.flatMap((row) => (row.author === null ? [] : [row.author]))
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      comment: {
        id: row.id,
        text: row.text,
        author: row.author,
        postedAt: row.posted_at,
        position: row.position
      },
      article: { id: row.article_id, title: row.title, outlet: row.outlet },
      parentText: row.parent_text,
      scores: Object.fromEntries(LABELS.map((label) => [label, row[label]])) as LabelScores,
      flagged: row.flagged,
      spans: row.spans,
      status: row.status,
      version: Number(row.version),
      authorStats:
        row.author === null ? null : (stats.get(row.author) ?? { flagged: 0, removed: 0 })
    })),
    nextCursor:
      rows.length > pageSize && last
        ? encodeCursor({ severity: Number(last.severity), commentId: last.id })
        : null
  };
}

/** How many comments match the filter: what a filter-wide action's confirmation states. */
export async function countQueue(db: Kysely<Schema>, filter: QueueFilter): Promise<number> {
  const { count } = await queueSource(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** A count the page can state quickly: exact up to `limit`, past it only "more than". */
export interface QueueCount {
  count: number;
  /** True when more than `count` comments match (`count` is then the limit). */
  more: boolean;
}

/**
 * Counts matching comments only as far as `limit`. An exact count reads every match (64,000
 * flagged at a million comments: 150–400 ms, far more under load), where the page needs
 * only a number a moderator reads: the queue's keyset order lets this stop after `limit`.
 * A filter-wide action still needs the exact count (countQueue), which the page asks for.
 */
export async function countQueueUpTo(
  db: Kysely<Schema>,
  filter: QueueFilter,
  limit: number
): Promise<QueueCount> {
  const matching = queueSource(db, filter)
    .select('s.comment_id')
    .orderBy(severityOf(filter), 'desc')
    .orderBy('s.comment_id', 'desc')
    .limit(limit + 1);
  const { count } = await db
    .selectFrom(matching.as('matching'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const counted = Number(count);
  return counted > limit ? { count: limit, more: true } : { count: counted, more: false };
}
