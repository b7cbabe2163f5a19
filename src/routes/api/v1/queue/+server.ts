import { appDatabase } from '$lib/server/app-database';
import { queueResponse } from '$lib/server/api/queue';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) =>
  queueResponse((await appDatabase()).db, url.searchParams);
