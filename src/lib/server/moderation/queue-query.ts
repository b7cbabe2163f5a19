/**
 * The review queue's FROM and WHERE, shared by the page query, the count and the
 * filter-wide bulk action, so "the comments matching this filter" means one thing.
 *
 * Order: worst first by severity, then comment id, both descending; pages continue after a
 * keyset position. For the pending queue severity is comment_scores.max_flagged_score
 * (only flagged comments), which comment_scores_max_flagged — or with a label filter
 * comment_scores_queue_<label> — serves in order, so a page stops after `limit` rows. A
 * decided status lists every scored comment with that status; one that a re-score left
 * unflagged sorts last (severity -1).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { QueueFilter } from '../../schemas/queue-filter';
import type { Schema } from '../db/schema';
import type { QueuePosition } from './queue-cursor';

export function severityOf(filter: QueueFilter): RawBuilder<number> {
  return filter.status === 'pending'
    ? sql<number>`s.max_flagged_score`
    : sql<number>`coalesce(s.max_flagged_score, -1)`;
}

/** `%text%` for ILIKE, with the pattern characters in the text matched literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function queueSource(db: Kysely<Schema>, filter: QueueFilter, after?: QueuePosition) {
  const scored =
    filter.label === undefined ? sql.ref('s.max_flagged_score') : sql.ref(`s.${filter.label}`);
  return db
    .selectFrom('comment_scores as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('comment_moderation as m', 'm.comment_id', 's.comment_id')
    .$if(filter.status === 'pending', (query) =>
      query
        .where('s.max_flagged_score', 'is not', null)
        .where((eb) => eb.or([eb('m.status', 'is', null), eb('m.status', '=', 'pending')]))
    )
    .$if(filter.status !== 'pending', (query) => query.where('m.status', '=', filter.status))
    .$if(filter.label !== undefined, (query) =>
      // A literal, not a parameter: the planner matches it to the label's partial index.
      query.where(sql<SqlBool>`${sql.lit(filter.label)} = any(s.flagged)`)
    )
    .$if(filter.articleId !== undefined, (query) =>
      query.where('c.article_id', '=', filter.articleId!)
    )
    .$if(filter.outlet !== undefined, (query) => query.where('a.outlet', '=', filter.outlet!))
    .$if(filter.storyGroupId !== undefined, (query) =>
      query.where('a.story_group_id', '=', filter.storyGroupId!)
    )
    .$if(filter.author !== undefined, (query) => query.where('c.author', '=', filter.author!))
    .$if(filter.minScore !== undefined, (query) =>
      query.where(sql<SqlBool>`${scored} >= ${filter.minScore}`)
    )
    .$if(filter.maxScore !== undefined, (query) =>
      query.where(sql<SqlBool>`${scored} <= ${filter.maxScore}`)
    )
    .$if(filter.text !== undefined, (query) =>
      query.where('c.text', 'ilike', containsPattern(filter.text!))
    )
    .$if(after !== undefined, (query) =>
      query.where(
        sql<SqlBool>`(${severityOf(filter)}, s.comment_id) < (${after!.severity}, ${after!.commentId})`
      )
    );
}
