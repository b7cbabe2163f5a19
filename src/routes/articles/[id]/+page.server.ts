import { error } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { findArticleById } from '$lib/server/corpus';
import { listArticleThread } from '$lib/server/moderation/article-thread';
import { listSameStoryArticles } from '$lib/server/stories';
import { parseRouteId } from '$lib/route-id';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const id = parseRouteId(params.id);
  if (id === undefined) error(404, 'No such article');
  const { db } = await appDatabase();
  const article = await findArticleById(db, id);
  if (article === undefined) error(404, 'No such article');
  const [comments, sameStory] = await Promise.all([
    listArticleThread(db, id),
    listSameStoryArticles(db, id)
  ]);
  return { article, comments, sameStory };
};
