/** A comment's stored verdict, as the review pages will show it. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { LABELS, type Label, type LabelScores, type Span } from '../types';

export interface CommentScores {
  commentId: number;
  scores: LabelScores;
  /** Labels at or over their threshold when scored, in LABELS order. */
  flagged: Label[];
  /** The highest score among the flagged labels; null when none is flagged. */
  maxFlaggedScore: number | null;
  spans: Span[];
  /** Component kind → version of the classifier that scored it. */
  versions: Record<string, string>;
  scoredAt: Date;
}

export async function findCommentScores(
  db: Kysely<Schema>,
  commentId: number
): Promise<CommentScores | undefined> {
  const row = await db
    .selectFrom('comment_scores')
    .selectAll()
    .where('comment_id', '=', commentId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    commentId: row.comment_id,
    scores: Object.fromEntries(LABELS.map((label) => [label, row[label]])) as LabelScores,
    flagged: row.flagged,
    maxFlaggedScore: row.max_flagged_score,
    spans: row.spans,
    versions: row.versions,
    scoredAt: row.scored_at
  };
}
