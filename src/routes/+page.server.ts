import { appDatabase } from '$lib/server/app-database';
import { listArticlesWithCommentCounts } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await appDatabase();
  return { articles: await listArticlesWithCommentCounts(db) };
};
