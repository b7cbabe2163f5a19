import { appDatabase } from '$lib/server/app-database';
import { commentResponse } from '$lib/server/api/comments';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) =>
  commentResponse((await appDatabase()).db, params.id);
