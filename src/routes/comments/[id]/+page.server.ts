import { error, fail } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { findCommentScores } from '$lib/server/classify/jobs/scores.repository';
import {
  findArticleById,
  findCommentById,
  findParentChain,
  listDirectReplies
} from '$lib/server/corpus';
import { decide, InvalidDecisionError } from '$lib/server/moderation';
import { decisionHistory } from '$lib/server/moderation/history';
import { findStatus } from '$lib/server/moderation/moderation-status.repository';
import { isAllowed } from '$lib/server/auth/roles';
import { parseRouteId } from '$lib/route-id';
import { readDecisionForm } from './decision-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, route }) => {
  const id = parseRouteId(params.id);
  if (id === undefined) error(404, 'No such comment');
  const { db } = await appDatabase();
  const comment = await findCommentById(db, id);
  if (comment === undefined) error(404, 'No such comment');
  const [article, parents, replies, scores, status, history] = await Promise.all([
    findArticleById(db, comment.articleId),
    findParentChain(db, comment),
    listDirectReplies(db, id),
    findCommentScores(db, id),
    findStatus(db, id),
    decisionHistory(db, id)
  ]);
  return {
    comment,
    article: article && { id: article.id, title: article.title },
    parents,
    replies,
    scores: scores ?? null,
    status: { status: status.status, version: status.version },
    history,
    // The form shows only to those the guard would let post it.
    canModerate: locals.user !== null && isAllowed(locals.user.role, route.id, 'POST')
  };
};

export const actions: Actions = {
  decide: async ({ params, request, locals }) => {
    const id = parseRouteId(params.id);
    if (id === undefined || locals.user === null) error(404, 'No such comment');
    const { db } = await appDatabase();
    if ((await findCommentById(db, id)) === undefined) error(404, 'No such comment');
    const input = readDecisionForm(await request.formData());
    try {
      const result = await decide(db, { ...input, commentId: id, moderatorId: locals.user.id });
      if (result.outcome === 'applied') {
        return { notice: `Saved: the comment is now ${result.status}.` };
      }
      if (result.outcome === 'nothing_to_undo') {
        return fail(400, { message: 'There is no decision to undo.' });
      }
      const { by, currentStatus } = result.conflict;
      return fail(409, {
        message: `${by ?? 'Another moderator'} decided this comment while you were looking: it is now ${currentStatus}. Your decision was not applied; review and decide again.`
      });
    } catch (failure) {
      if (failure instanceof InvalidDecisionError) {
        return fail(400, { message: failure.issues.map((issue) => issue.message).join('; ') });
      }
      throw failure;
    }
  }
};
