import { appDatabase } from '$lib/server/app-database';
import { articlesResponse } from '$lib/server/api/articles';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) =>
  articlesResponse((await appDatabase()).db, url.searchParams);
