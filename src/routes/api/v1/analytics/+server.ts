import { appDatabase } from '$lib/server/app-database';
import { analyticsResponse } from '$lib/server/api/analytics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) =>
  analyticsResponse((await appDatabase()).db, url.searchParams);
