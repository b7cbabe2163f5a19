/**
 * An article's comments as its page lists them: each with its moderation status and the
 * label the classifier scored highest (null until the comment is scored).
 */
import type { Kysely } from 'kysely';
import type { ModerationStatus } from '../../schemas/decision';
import { LABELS, type Label } from '../classify/types';
import type { Schema } from '../db/schema';

export interface TopLabel {
  label: Label;
  score: number;
  /** At or over the label's threshold when the comment was scored. */
  flagged: boolean;
}

export interface ThreadComment {
  id: number;
  parentId: number | null;
  depth: number;
  author: string | null;
  postedAt: Date | null;
  postedAtRaw: string | null;
  text: string;
  status: ModerationStatus;
  topLabel: TopLabel | null;
}

export async function listArticleThread(
  db: Kysely<Schema>,
  articleId: number
): Promise<ThreadComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('comment_scores as s', 's.comment_id', 'c.id')
    .leftJoin('comment_moderation as m', 'm.comment_id', 'c.id')
    .select([
      'c.id',
      'c.parent_id',
      'c.depth',
      'c.author',
      'c.posted_at',
      'c.posted_at_raw',
      'c.text',
      'm.status',
      's.flagged',
      ...LABELS.map((label) => `s.${label}` as const)
    ])
    .where('c.article_id', '=', articleId)
    .orderBy('c.position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    depth: row.depth,
    author: row.author,
    postedAt: row.posted_at,
    postedAtRaw: row.posted_at_raw,
    text: row.text,
    status: row.status ?? 'pending',
    topLabel: topLabelOf(row, row.flagged)
  }));
}

/** The highest-scoring label; a flagged one wins over an unflagged one scoring higher. */
function topLabelOf(
  scores: { [label in Label]: number | null },
  flagged: readonly Label[] | null
): TopLabel | null {
  if (flagged === null) return null;
  let top: TopLabel | null = null;
  for (const label of LABELS) {
    const score = scores[label];
    if (score === null) continue;
    const candidate = { label, score, flagged: flagged.includes(label) };
    if (
      top === null ||
      (candidate.flagged && !top.flagged) ||
      (candidate.flagged === top.flagged && candidate.score > top.score)
    ) {
      top = candidate;
    }
  }
  return top;
}
