/**
 * GET /api/v1/queue on both engines: the queue page's filters and keyset cursor, and a
 * 400 naming the parameter for a bad filter, an unknown parameter or a forged cursor.
 */
import { beforeAll, expect, it } from 'vitest';
import { queueResponse } from '../../src/lib/server/api/queue';
import { emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the API: the queue', (database) => {
  let commentIds: number[] = [];

  beforeAll(async () => {
    await emptyModeration(database().db);
    ({ commentIds } = await storeScoredArticle(database().db, [
      { text: 'toxicity=0.6' },
      { text: 'antisemitism=0.9' },
      { text: 'insult=0.7 antisemitism=0.55' },
      { text: 'toxicity=0.8' },
      { text: 'toxicity=0.1' }
    ]));
  });

  const get = async (query: string) => {
    const response = await queueResponse(database().db, new URLSearchParams(query));
    return { status: response.status, body: await response.json() };
  };
  const ids = (body: { items: Array<{ comment: { id: number } }> }) =>
    body.items.map((item) => item.comment.id);

  it('lists flagged pending comments worst first, with scores, spans and version', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(ids(body)).toEqual([commentIds[1], commentIds[3], commentIds[2], commentIds[0]]);
    expect(body.items[0]).toMatchObject({
      comment: { text: 'antisemitism=0.9' },
      flagged: ['antisemitism'],
      spans: [{ start: 0, end: 16, label: 'antisemitism' }],
      status: 'pending',
      version: 0
    });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by label and score like the queue page', async () => {
    const { body } = await get('label=antisemitism&maxScore=0.6');
    expect(ids(body)).toEqual([commentIds[2]]);
    expect(body.filter).toMatchObject({ label: 'antisemitism', maxScore: 0.6, status: 'pending' });
  });

  it('pages with the keyset cursor, each comment exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await get(`limit=3${cursor ? `&after=${cursor}` : ''}`);
      expect(status).toBe(200);
      seen.push(...ids(body));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(2);
    expect(seen).toEqual([commentIds[1], commentIds[3], commentIds[2], commentIds[0]]);
  });

  it.each([
    ['label=rudeness', 'label'],
    ['minScore=0.9&maxScore=0.2', 'maxScore'],
    ['lable=insult', 'lable'],
    ['limit=0', 'limit'],
    ['limit=500', 'limit'],
    ['after=not-a-cursor', 'after'],
    ['status=approved&status=removed', 'status']
  ])('answers 400 for %s, naming %s', async (query, field) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues.map((issue: { field: string }) => issue.field)).toContain(field);
    expect(body.error.message).toContain(field);
  });
});
