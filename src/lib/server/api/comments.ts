/**
 * GET /api/v1/comments/[id]: one comment with what a script needs to decide on it — its
 * article, the classifier's scores, flags and spans (null until scored), and the current
 * status with the version to send back when deciding.
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { parseRouteId } from '../../route-id';
import { findCommentScores } from '../classify/jobs/scores.repository';
import { findArticleById, findCommentById } from '../corpus';
import type { Schema } from '../db/schema';
import { findStatus } from '../moderation';
import { notFound } from './responses';

export async function commentResponse(db: Kysely<Schema>, rawId: string): Promise<Response> {
  const id = parseRouteId(rawId);
  const comment = id === undefined ? undefined : await findCommentById(db, id);
  if (comment === undefined) return notFound('comment');
  const [article, scores, status] = await Promise.all([
    findArticleById(db, comment.articleId),
    findCommentScores(db, comment.id),
    findStatus(db, comment.id)
  ]);
  return json({
    comment,
    article: article && { id: article.id, title: article.title, outlet: article.outlet },
    classification: scores
      ? {
          scores: scores.scores,
          flagged: scores.flagged,
          maxFlaggedScore: scores.maxFlaggedScore,
          spans: scores.spans,
          versions: scores.versions,
          scoredAt: scores.scoredAt
        }
      : null,
    status: status.status,
    version: status.version
  });
}
