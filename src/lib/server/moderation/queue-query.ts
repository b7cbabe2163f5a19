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

/**
 * FROM comment_scores s (and its status m); what the page shows of the comment and its
 * article the page query joins itself. The score row carries its comment's article id
 * (migration 0010, also in the queue indexes), so the article, outlet and story filters
 * test s.article_id against the small articles table without reading comments. The author
 * filter is the author's comment ids (an array, see below); the text filter one on queue_search_texts, which holds the
 * text of every comment this query can list (flagged or decided; migration 0013) under a
 * trigram index a few percent the size of one over all comments. The count of an unfiltered queue reads only
 * the scores and statuses (joining comments and articles for it made it ~20× slower at a
 * million comments).
 */
export function queueSource(db: Kysely<Schema>, filter: QueueFilter, after?: QueuePosition) {
  const scored =
    filter.label === undefined ? sql.ref('s.max_flagged_score') : sql.ref(`s.${filter.label}`);
  return db
    .selectFrom('comment_scores as s')
    .leftJoin('comment_moderation as m', 'm.comment_id', 's.comment_id')
    .$if(filter.status === 'pending', (query) =>
      query
        .where('s.max_flagged_score', 'is not', null)
        // Not decided, as an anti-join rather than `m.status is null or m.status = 'pending'`
        // on the left join: the planner estimates that OR at one row and sorts every flagged
        // comment, where the anti-join lets it walk the severity index and stop after a page.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('comment_moderation as decided')
                .select('decided.comment_id')
                .whereRef('decided.comment_id', '=', 's.comment_id')
                .where('decided.status', '<>', 'pending')
            )
          )
        )
    )
    .$if(filter.status !== 'pending', (query) => query.where('m.status', '=', filter.status))
    .$if(filter.label !== undefined, (query) =>
      // A literal, not a parameter: the planner matches it to the label's partial index.
      query.where(sql<SqlBool>`${sql.lit(filter.label)} = any(s.flagged)`)
    )
    .$if(filter.minScore !== undefined, (query) =>
      query.where(sql<SqlBool>`${scored} >= ${filter.minScore}`)
    )
    .$if(filter.maxScore !== undefined, (query) =>
      query.where(sql<SqlBool>`${scored} <= ${filter.maxScore}`)
    )
    .$if(filter.articleId !== undefined, (query) =>
      query.where('s.article_id', '=', filter.articleId!)
    )
    .$if(filter.outlet !== undefined || filter.storyGroupId !== undefined, (query) =>
      query.where('s.article_id', 'in', (eb) =>
        eb
          .selectFrom('articles as fa')
          .select('fa.id')
          .$if(filter.outlet !== undefined, (sub) => sub.where('fa.outlet', '=', filter.outlet!))
          .$if(filter.storyGroupId !== undefined, (sub) =>
            sub.where('fa.story_group_id', '=', filter.storyGroupId!)
          )
      )
    )
    .$if(filter.author !== undefined, (query) =>
      // The author's comment ids first (index-only, once), then their score rows by id. As an
      // EXISTS the planner merged the author's ~1,400 ids with a walk of every flagged score
      // row in id order (~64,000 at a million, 50–100 ms when they are not cached) instead
      // of probing 1,400 ids (~3 ms); an array it cannot size makes it probe.
      query.where(
        sql<SqlBool>`s.comment_id = any(array(${db
          .selectFrom('comments as fc')
          .select('fc.id')
          .where('fc.author', '=', filter.author!)}))`
      )
    )
    .$if(filter.text !== undefined, (query) =>
      query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('queue_search_texts as ft')
            .select('ft.comment_id')
            .whereRef('ft.comment_id', '=', 's.comment_id')
            .where('ft.text', 'ilike', containsPattern(filter.text!))
        )
      )
    )
    .$if(after !== undefined, (query) =>
      query.where(
        sql<SqlBool>`(${severityOf(filter)}, s.comment_id) < (${after!.severity}, ${after!.commentId})`
      )
    );
}
