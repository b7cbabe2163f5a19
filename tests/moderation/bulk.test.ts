import { beforeEach, expect, it } from 'vitest';
import { queueFilterSchema } from '../../src/lib/schemas/queue-filter';
import {
  countQueue,
  countQueueUpTo,
  decide,
  decideAllMatching,
  decideMany,
  findStatus
} from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('bulk decisions', (database) => {
  let commentIds: number[] = [];
  let ana = 0;
  let ben = 0;

  beforeEach(async () => {
    const db = database().db;
    await emptyModeration(db);
    const texts = Array.from({ length: 7 }, (_, index) => ({
      text: `toxicity=${(0.9 - index * 0.05).toFixed(2)} #${index}`
    }));
    ({ commentIds } = await storeScoredArticle(db, [...texts, { text: 'unflagged' }]));
    ana = await addModerator(db, 'Ana');
    ben = await addModerator(db, 'Ben');
  });

  it('decide a selection, each against its own version, with a result per comment', async () => {
    const db = database().db;
    const [a, b, c] = commentIds as [number, number, number];
    await decide(db, { commentId: b, moderatorId: ben, action: 'escalate', expectedVersion: 0 });
    const results = await decideMany(
      db,
      [
        { commentId: c, expectedVersion: 0 },
        { commentId: a, expectedVersion: 0 },
        { commentId: b, expectedVersion: 0 }
      ],
      { moderatorId: ana, action: 'remove', reason: 'spam' }
    );
    expect(results.map(({ commentId, result }) => [commentId, result.outcome])).toEqual([
      [c, 'applied'],
      [a, 'applied'],
      [b, 'conflict']
    ]);
    expect((await findStatus(db, b)).status).toBe('escalated');
    expect((await findStatus(db, c)).status).toBe('removed');
  });

  it('refuse a filter-wide action when the match count is not the one confirmed', async () => {
    const db = database().db;
    const filter = queueFilterSchema.parse({});
    expect(await countQueue(db, filter)).toBe(7);
    await decide(db, {
      commentId: commentIds[0]!,
      moderatorId: ben,
      action: 'approve',
      expectedVersion: 0
    });
    expect(
      await decideAllMatching(
        db,
        filter,
        { moderatorId: ana, action: 'approve' },
        { expectedCount: 7 }
      )
    ).toEqual({ ok: false, currentCount: 6 });
    expect(await countQueue(db, filter)).toBe(6);
  });

  it('decide every match in keyset chunks, leaving the rest of the queue alone', async () => {
    const db = database().db;
    const filter = queueFilterSchema.parse({ maxScore: 0.75 });
    expect(await countQueue(db, filter)).toBe(4);
    const result = await decideAllMatching(
      db,
      filter,
      { moderatorId: ana, action: 'remove', reason: 'off_topic', note: 'bulk' },
      { expectedCount: 4, chunkSize: 3 }
    );
    expect(result).toEqual({ ok: true, applied: 4, conflicts: 0, nothingToUndo: 0 });
    expect(await countQueue(db, filter)).toBe(0);
    expect(await countQueue(db, queueFilterSchema.parse({ status: 'removed' }))).toBe(4);
    const untouched = await countQueue(db, queueFilterSchema.parse({}));
    expect(untouched).toBe(3);
  });

  it('count up to a limit: exact below it, "more than" past it, for any filter', async () => {
    const db = database().db;
    const all = queueFilterSchema.parse({});
    expect(await countQueueUpTo(db, all, 3)).toEqual({ count: 3, more: true });
    expect(await countQueueUpTo(db, all, 6)).toEqual({ count: 6, more: true });
    expect(await countQueueUpTo(db, all, 7)).toEqual({ count: 7, more: false });
    expect(await countQueueUpTo(db, all, 1000)).toEqual({ count: 7, more: false });
    // A decided comment leaves the pending count; the limit applies to what still matches.
    await decide(db, {
      commentId: commentIds[0]!,
      moderatorId: ana,
      action: 'remove',
      reason: 'spam',
      expectedVersion: 0
    });
    expect(await countQueueUpTo(db, all, 6)).toEqual({ count: 6, more: false });
    const removed = queueFilterSchema.parse({ status: 'removed' });
    expect(await countQueueUpTo(db, removed, 1)).toEqual({ count: 1, more: false });
    const low = queueFilterSchema.parse({ maxScore: 0.75 });
    expect(await countQueueUpTo(db, low, 2)).toEqual({ count: 2, more: true });
    expect(await countQueueUpTo(db, low, 4)).toEqual({ count: 4, more: false });
  });
});
