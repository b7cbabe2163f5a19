/**
 * GET /api/v1/articles (every article, newest first, with comment, scored and flagged
 * counts; with `limit`, a page of them and `nextBefore`, passed back as `before` for the
 * next, older page — listing every article of a large corpus takes seconds) and GET /api/v1/articles/[id] (the article and its thread in page order, each
 * comment with its status and top label), as the dashboard's pages show them.
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseRouteId } from '../../route-id';
import { findArticleById, listArticlePage, listArticlesWithCommentCounts } from '../corpus';
import type { Schema } from '../db/schema';
import { listArticleThread } from '../moderation/article-thread';
import { pageSizeParam, parseQuery } from './query-params';
import { notFound } from './responses';

export const MAX_ARTICLES_PAGE = 1000;

const pagingSchema = z.object({
  limit: pageSizeParam(MAX_ARTICLES_PAGE).optional(),
  before: z.coerce.number().int().positive('an article id').optional()
});

export async function articlesResponse(
  db: Kysely<Schema>,
  params: URLSearchParams
): Promise<Response> {
  const query = parseQuery(params, { paging: pagingSchema });
  if (!query.ok) return query.response;
  const { limit, before } = query.value.paging;
  if (limit === undefined && before === undefined)
    return json({ articles: await listArticlesWithCommentCounts(db, { newestFirst: true }) });
  return json(await listArticlePage(db, { before, limit: limit ?? 50 }));
}

export async function articleResponse(db: Kysely<Schema>, rawId: string): Promise<Response> {
  const id = parseRouteId(rawId);
  const article = id === undefined ? undefined : await findArticleById(db, id);
  if (article === undefined) return notFound('article');
  return json({ article, comments: await listArticleThread(db, article.id) });
}
