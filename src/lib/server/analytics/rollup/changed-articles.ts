/**
 * The articles whose comments changed since the rollup was built, from the same marks
 * freshness.ts checks: a verdict's scored_at, a decision's created_at, a document's
 * ingested_at, and comment ids past the last one counted. Rebuilding only their rows keeps
 * a running worker's trickle of verdicts from costing a full rebuild each time.
 *
 * A threshold change re-flags stored verdicts without leaving such a mark, so it is not
 * here: it makes the caller rebuild everything.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

export interface ChangeMarks {
  changesSince: Date;
  maxCommentId: number | null;
}

export async function changedArticles(
  db: Kysely<Schema>,
  { changesSince, maxCommentId }: ChangeMarks
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select c.article_id as id from comment_scores s join comments c on c.id = s.comment_id
      where s.scored_at >= ${changesSince}
    union
    select c.article_id from decisions dc join comments c on c.id = dc.comment_id
      where dc.created_at >= ${changesSince}
    union
    select a.id from documents d join articles a on a.document_id = d.id
      where d.ingested_at >= ${changesSince}
    union
    select c.article_id from comments c where c.id > ${maxCommentId ?? 0}`.execute(db);
  return rows.map((row) => Number(row.id));
}
