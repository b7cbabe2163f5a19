/**
 * GET /api/v1/articles (every article, newest first, with comment, scored and flagged
 * counts) and GET /api/v1/articles/[id] (the article and its thread in page order, each
 * comment with its status and top label), as the dashboard's pages show them.
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { parseRouteId } from '../../route-id';
import { findArticleById, listArticlesWithCommentCounts } from '../corpus';
import type { Schema } from '../db/schema';
import { listArticleThread } from '../moderation/article-thread';
import { notFound } from './responses';

export async function articlesResponse(db: Kysely<Schema>): Promise<Response> {
  return json({ articles: await listArticlesWithCommentCounts(db, { newestFirst: true }) });
}

export async function articleResponse(db: Kysely<Schema>, rawId: string): Promise<Response> {
  const id = parseRouteId(rawId);
  const article = id === undefined ? undefined : await findArticleById(db, id);
  if (article === undefined) return notFound('article');
  return json({ article, comments: await listArticleThread(db, article.id) });
}
