import { appDatabase } from '$lib/server/app-database';
import { decisionTrailResponse } from '$lib/server/api/decision-trail';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) =>
  decisionTrailResponse((await appDatabase()).db, url.searchParams);
