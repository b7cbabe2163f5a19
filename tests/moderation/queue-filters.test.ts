import { beforeEach, expect, it } from 'vitest';
import { queueFilterSchema, type QueueFilterInput } from '../../src/lib/schemas/queue-filter';
import { countQueue, decide, listQueue } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the review queue: filters', (database) => {
  let ids: Record<string, number> = {};
  let articles: number[] = [];

  beforeEach(async () => {
    const db = database().db;
    await emptyModeration(db);
    const first = await storeScoredArticle(
      db,
      [
        { text: 'Globalist antisemitism=0.9', author: 'rex' },
        { text: 'insult=0.7 you fool', author: 'ann' },
        { text: 'fine words' }
      ],
      { outlet: 'Daily' }
    );
    const second = await storeScoredArticle(
      db,
      [
        { text: '100%_sure toxicity=0.55', author: 'rex' },
        { text: 'antisemitism=0.6 toxicity=0.95', author: 'bo' }
      ],
      { outlet: 'Weekly' }
    );
    articles = [first.articleId, second.articleId];
    const [coded, insult] = first.commentIds;
    const [percent, both] = second.commentIds;
    ids = { coded: coded!, insult: insult!, percent: percent!, both: both! };
  });

  const matching = async (input: QueueFilterInput) => {
    const filter = queueFilterSchema.parse(input);
    const { items } = await listQueue(database().db, filter);
    expect(await countQueue(database().db, filter)).toBe(items.length);
    return items.map((item) => item.comment.id).sort((a, b) => a - b);
  };
  const idsOf = (...names: string[]) => names.map((name) => ids[name]!).sort((a, b) => a - b);

  it('by label, article, outlet and author', async () => {
    expect(await matching({ label: 'antisemitism' })).toEqual(idsOf('coded', 'both'));
    expect(await matching({ articleId: articles[1] })).toEqual(idsOf('percent', 'both'));
    expect(await matching({ outlet: 'Daily' })).toEqual(idsOf('coded', 'insult'));
    expect(await matching({ author: 'rex' })).toEqual(idsOf('coded', 'percent'));
  });

  it('by score range: on the chosen label, else on the worst flagged score', async () => {
    expect(await matching({ minScore: 0.9 })).toEqual(idsOf('coded', 'both'));
    expect(await matching({ maxScore: 0.7 })).toEqual(idsOf('insult', 'percent'));
    expect(await matching({ label: 'antisemitism', maxScore: 0.7 })).toEqual(idsOf('both'));
    expect(await matching({ label: 'toxicity', minScore: '0.5', maxScore: '0.6' })).toEqual(
      idsOf('percent')
    );
  });

  it('by text, case-insensitively, with % and _ matched literally', async () => {
    expect(await matching({ text: 'GLOBALIST' })).toEqual(idsOf('coded'));
    expect(await matching({ text: '0%_s' })).toEqual(idsOf('percent'));
    expect(await matching({ text: 'o_f' })).toEqual([]);
  });

  it('by status: pending by default, decided ones only when asked', async () => {
    const moderator = await addModerator(database().db, 'mo');
    await decide(database().db, {
      commentId: ids.coded!,
      moderatorId: moderator,
      action: 'remove',
      reason: 'antisemitism',
      expectedVersion: 0
    });
    await decide(database().db, {
      commentId: ids.insult!,
      moderatorId: moderator,
      action: 'escalate',
      expectedVersion: 0
    });
    expect(await matching({})).toEqual(idsOf('percent', 'both'));
    expect(await matching({ status: 'removed' })).toEqual(idsOf('coded'));
    expect(await matching({ status: 'escalated', outlet: 'Daily' })).toEqual(idsOf('insult'));
    expect(await matching({ status: 'approved' })).toEqual([]);
    const [removed] = (
      await listQueue(database().db, queueFilterSchema.parse({ status: 'removed' }))
    ).items;
    expect(removed).toMatchObject({
      status: 'removed',
      version: 1,
      authorStats: { flagged: 2, removed: 1 }
    });
  });

  it('refuse a score range upside down and an unknown label', () => {
    expect(queueFilterSchema.safeParse({ minScore: 0.8, maxScore: 0.2 }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ label: 'rudeness' }).success).toBe(false);
  });
});
