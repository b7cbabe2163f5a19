import { beforeEach, expect, it } from 'vitest';
import { InvalidCursorError, listQueue } from '../../src/lib/server/moderation';
import { queueFilterSchema } from '../../src/lib/schemas/queue-filter';
import { emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const pending = queueFilterSchema.parse({});

describeEachEngine('the review queue: order and pages', (database) => {
  beforeEach(() => emptyModeration(database().db));

  it('list only flagged comments, worst flagged score first, ties by newest comment id', async () => {
    const { commentIds } = await storeScoredArticle(database().db, [
      { text: 'toxicity=0.6' },
      { text: 'clean, toxicity=0.2' },
      { text: 'insult=0.9 toxicity=0.95' },
      { text: 'threat=0.6' },
      { text: 'antisemitism=0.8' }
    ]);
    const [mild, , worst, tiedThreat, coded] = commentIds;
    const page = await listQueue(database().db, pending);
    expect(page.items.map((item) => item.comment.id)).toEqual([worst, coded, tiedThreat, mild]);
    expect(page.nextCursor).toBeNull();
  });

  it('page through ties with no duplicate and no gap, and the same pages every time', async () => {
    // 3 scores × 5 comments: most pages end inside a run of equal scores.
    const texts = Array.from({ length: 15 }, (_, index) => ({
      text: `toxicity=${[0.9, 0.7, 0.6][index % 3]} #${index}`
    }));
    const { commentIds } = await storeScoredArticle(database().db, texts);
    const readAll = async () => {
      const seen: number[] = [];
      let after: string | undefined;
      do {
        const page = await listQueue(database().db, pending, { after, limit: 4 });
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((item) => item.comment.id));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      return seen;
    };
    const expected = commentIds
      .map((id, index) => ({ id, score: [0.9, 0.7, 0.6][index % 3]! }))
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .map(({ id }) => id);
    const first = await readAll();
    expect(first).toEqual(expected);
    expect(await readAll()).toEqual(first);
  });

  it('show the comment with its article, parent, scores, spans with reasons and author record', async () => {
    await storeScoredArticle(database().db, [{ text: 'toxicity=0.7 earlier', author: 'rex' }]);
    const { articleId, commentIds } = await storeScoredArticle(
      database().db,
      [
        { text: 'the parent', author: 'ann' },
        { text: 'reply antisemitism=0.9', author: 'rex', parent: 0 }
      ],
      { title: 'Headline', outlet: 'Daily' }
    );
    const [item] = (await listQueue(database().db, pending)).items;
    expect(item).toMatchObject({
      comment: { id: commentIds[1], text: 'reply antisemitism=0.9', author: 'rex', position: 1 },
      article: { id: articleId, title: 'Headline', outlet: 'Daily' },
      parentText: 'the parent',
      flagged: ['antisemitism'],
      status: 'pending',
      version: 0,
      authorStats: { flagged: 2, removed: 0 }
    });
    expect(item?.scores).toEqual({
      toxicity: 0,
      profanity: 0,
      insult: 0,
      threat: 0,
      identity_attack: 0,
      antisemitism: 0.9
    });
    expect(item?.spans).toEqual([
      { start: 6, end: 22, label: 'antisemitism', reason: 'means antisemitism' }
    ]);
  });

  it('refuse a cursor it did not make', async () => {
    await expect(listQueue(database().db, pending, { after: 'not-a-cursor' })).rejects.toThrow(
      InvalidCursorError
    );
  });
});
