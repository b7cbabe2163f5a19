import { error } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { commentDecisionsResponse, postDecisionResponse } from '$lib/server/api/comment-decisions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) =>
  commentDecisionsResponse((await appDatabase()).db, params.id);

export const POST: RequestHandler = async ({ params, request, locals }) => {
  // The guard let only a moderator or admin through; never reached signed out.
  if (locals.user === null) error(401, 'Sign in first');
  return postDecisionResponse((await appDatabase()).db, params.id, request, locals.user.id);
};
