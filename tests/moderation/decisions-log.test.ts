import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { decide, decideMany, rebuildModerationStatus } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the decisions log', (database) => {
  let commentIds: number[] = [];
  let ana = 0;
  let ben = 0;

  beforeEach(async () => {
    const db = database().db;
    await emptyModeration(db);
    ({ commentIds } = await storeScoredArticle(db, [
      { text: 'toxicity=0.8' },
      { text: 'insult=0.6' },
      { text: 'threat=0.9' },
      { text: 'antisemitism=0.7' }
    ]));
    ana = await addModerator(db, 'Ana');
    ben = await addModerator(db, 'Ben');
  });

  const statusRows = () =>
    database()
      .db.selectFrom('comment_moderation')
      .select(['comment_id', 'status', 'version', 'last_decision_id'])
      .orderBy('comment_id')
      .execute();

  it('derive the same statuses from the log alone as the cache kept', async () => {
    const db = database().db;
    const [a, b, c, d] = commentIds as [number, number, number, number];
    await decide(db, {
      commentId: a,
      moderatorId: ana,
      action: 'remove',
      reason: 'threat',
      expectedVersion: 0
    });
    await decide(db, { commentId: a, moderatorId: ben, action: 'undo', expectedVersion: 1 });
    await decide(db, { commentId: a, moderatorId: ben, action: 'approve', expectedVersion: 2 });
    await decide(db, { commentId: b, moderatorId: ana, action: 'escalate', expectedVersion: 0 });
    await decide(db, { commentId: b, moderatorId: ben, action: 'approve', expectedVersion: 0 });
    await decide(db, { commentId: c, moderatorId: ana, action: 'approve', expectedVersion: 0 });
    await decide(db, {
      commentId: c,
      moderatorId: ana,
      action: 'remove',
      reason: 'other',
      expectedVersion: 1
    });
    await decide(db, { commentId: c, moderatorId: ana, action: 'undo', expectedVersion: 2 });
    await decideMany(db, [{ commentId: d, expectedVersion: 3 }], {
      moderatorId: ben,
      action: 'escalate'
    });
    const cached = await statusRows();
    expect(cached.map((row) => [row.comment_id, row.status, row.version])).toEqual([
      [a, 'approved', 3],
      [b, 'escalated', 1],
      [c, 'approved', 3],
      [d, 'pending', 0]
    ]);
    // Wreck the cache, then derive it again from the log.
    await sql`update comment_moderation set status = 'removed', version = 99`.execute(db);
    await rebuildModerationStatus(db);
    expect(await statusRows()).toEqual(cached);
  });

  it('refuse to change or delete a recorded decision', async () => {
    const db = database().db;
    await decide(db, {
      commentId: commentIds[0]!,
      moderatorId: ana,
      action: 'approve',
      expectedVersion: 0
    });
    await expect(db.updateTable('decisions').set({ note: 'rewritten' }).execute()).rejects.toThrow(
      /decisions is append-only: UPDATE is not allowed/
    );
    await expect(db.deleteFrom('decisions').execute()).rejects.toThrow(
      /decisions is append-only: DELETE is not allowed/
    );
    const rows = await db.selectFrom('decisions').select(['note', 'action']).execute();
    expect(rows).toEqual([{ note: null, action: 'approve' }]);
  });
});
