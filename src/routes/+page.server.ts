import { appDatabase } from '$lib/server/app-database';
import { countArticlesAndComments, listArticlePage } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

/** Articles a page: the whole list at 10,000 articles took seconds to count and render. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await appDatabase();
  // A `before` that is not a positive id (an edited link) shows the first page.
  const before = Number(url.searchParams.get('before'));
  const [page, totals] = await Promise.all([
    listArticlePage(db, {
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
      limit: PAGE_SIZE
    }),
    countArticlesAndComments(db)
  ]);
  return { ...page, totals, paged: url.searchParams.has('before') };
};
