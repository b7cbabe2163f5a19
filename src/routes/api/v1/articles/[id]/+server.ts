import { appDatabase } from '$lib/server/app-database';
import { articleResponse } from '$lib/server/api/articles';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) =>
  articleResponse((await appDatabase()).db, params.id);
