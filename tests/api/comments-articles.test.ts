/**
 * GET /api/v1/comments/[id], /api/v1/articles and /api/v1/articles/[id] on both engines:
 * what a script reads before deciding, and 404 for unknown ids.
 */
import { beforeAll, expect, it } from 'vitest';
import { articleResponse, articlesResponse } from '../../src/lib/server/api/articles';
import { commentResponse } from '../../src/lib/server/api/comments';
import { decide } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the API: comments and articles', (database) => {
  let articleId = 0;
  let commentIds: number[] = [];

  beforeAll(async () => {
    const db = database().db;
    await emptyModeration(db);
    await storeScoredArticle(db, [{ text: 'fine' }], { title: 'older' });
    ({ articleId, commentIds } = await storeScoredArticle(
      db,
      [{ text: 'first' }, { text: 'reply with threat=0.75', author: 'Cy', parent: 0 }],
      { title: 'newer', outlet: 'The Paper' }
    ));
    const ana = await addModerator(db, 'Ana');
    await decide(db, {
      commentId: commentIds[1]!,
      moderatorId: ana,
      action: 'escalate',
      expectedVersion: 0
    });
  });

  const body = async (response: Promise<Response>) => {
    const answered = await response;
    return { status: answered.status, json: await answered.json() };
  };

  it('answers a comment with its article, classification, status and version', async () => {
    const { status, json } = await body(commentResponse(database().db, String(commentIds[1])));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      comment: {
        id: commentIds[1],
        articleId,
        parentId: commentIds[0],
        depth: 1,
        author: 'Cy',
        text: 'reply with threat=0.75'
      },
      article: { id: articleId, title: 'newer', outlet: 'The Paper' },
      classification: {
        scores: { threat: 0.75, toxicity: 0 },
        flagged: ['threat'],
        maxFlaggedScore: 0.75,
        spans: [{ start: 11, end: 22, label: 'threat', reason: 'means threat' }],
        versions: { lexicon: 'marker-lexicon@1' }
      },
      status: 'escalated',
      version: 1
    });
  });

  it('answers 404 for an unknown or malformed comment or article id', async () => {
    for (const id of ['999999', 'x', '-1']) {
      const comment = await body(commentResponse(database().db, id));
      expect(comment).toEqual({
        status: 404,
        json: { error: { code: 'not_found', message: 'No such comment' } }
      });
      expect((await body(articleResponse(database().db, id))).json.error.code).toBe('not_found');
    }
  });

  it('lists articles newest first with their counts', async () => {
    const { json } = await body(articlesResponse(database().db, new URLSearchParams()));
    expect(json.articles).toMatchObject([
      { id: articleId, title: 'newer', commentCount: 2, scoredCount: 2, flaggedCount: 1 },
      { title: 'older', commentCount: 1, flaggedCount: 0 }
    ]);
  });

  it('pages articles with limit and before, and refuses bad paging', async () => {
    const first = await body(articlesResponse(database().db, new URLSearchParams('limit=1')));
    expect(first.json.articles).toMatchObject([{ id: articleId, title: 'newer' }]);
    expect(first.json.nextBefore).toBe(articleId);
    const next = new URLSearchParams({ limit: '1', before: String(articleId) });
    const second = await body(articlesResponse(database().db, next));
    expect(second.json.articles).toMatchObject([{ title: 'older', commentCount: 1 }]);
    expect(second.json.nextBefore).toBeNull();
    for (const query of ['limit=0', 'limit=1001', 'before=x', 'page=2']) {
      const refused = await body(articlesResponse(database().db, new URLSearchParams(query)));
      expect(refused.status).toBe(400);
      expect(refused.json.error.code).toBe('invalid_input');
    }
  });

  it("answers an article with its thread, each comment's status and top label", async () => {
    const { json } = await body(articleResponse(database().db, String(articleId)));
    expect(json.article).toMatchObject({ id: articleId, title: 'newer', outlet: 'The Paper' });
    expect(json.comments).toMatchObject([
      { id: commentIds[0], depth: 0, status: 'pending' },
      {
        id: commentIds[1],
        parentId: commentIds[0],
        status: 'escalated',
        topLabel: { label: 'threat', score: 0.75, flagged: true }
      }
    ]);
  });
});
