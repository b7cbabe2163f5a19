import { beforeEach, expect, it } from 'vitest';
import type { RemoveReason } from '../../src/lib/schemas/decision';
import {
  decide,
  decisionHistory,
  findStatus,
  InvalidDecisionError
} from '../../src/lib/server/moderation';
import { oneCommentTwoModerators } from '../helpers/moderators';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('deciding on a comment', (database) => {
  let commentId = 0;
  let ana = 0;
  let ben = 0;

  beforeEach(async () => {
    ({ commentId, ana, ben } = await oneCommentTwoModerators(database().db));
  });

  it('apply a decision, move the version on, and log it with the moderator name', async () => {
    const result = await decide(database().db, {
      commentId,
      moderatorId: ana,
      action: 'remove',
      reason: 'harassment',
      note: 'second warning',
      expectedVersion: 0
    });
    expect(result).toMatchObject({ ok: true, status: 'removed', version: 1 });
    expect(await findStatus(database().db, commentId)).toMatchObject({
      status: 'removed',
      version: 1
    });
    expect(await decisionHistory(database().db, commentId)).toMatchObject([
      {
        moderator: { id: ana, name: 'Ana' },
        action: 'remove',
        reason: 'harassment',
        note: 'second warning',
        statusBefore: 'pending',
        statusAfter: 'removed',
        commentVersion: 0,
        conflict: false
      }
    ]);
  });

  it('record both of two moderators acting on one version; the later gets a conflict notice', async () => {
    const first = await decide(database().db, {
      commentId,
      moderatorId: ana,
      action: 'approve',
      expectedVersion: 0
    });
    const second = await decide(database().db, {
      commentId,
      moderatorId: ben,
      action: 'remove',
      reason: 'spam',
      expectedVersion: 0
    });
    expect(first).toMatchObject({ ok: true, status: 'approved', version: 1 });
    expect(second).toMatchObject({
      ok: false,
      outcome: 'conflict',
      conflict: { currentStatus: 'approved', currentVersion: 1, by: 'Ana', at: expect.any(Date) }
    });
    expect(await findStatus(database().db, commentId)).toMatchObject({
      status: 'approved',
      version: 1
    });
    const history = await decisionHistory(database().db, commentId);
    expect(
      history.map((entry) => [
        entry.moderator.name,
        entry.action,
        entry.conflict,
        entry.statusAfter
      ])
    ).toEqual([
      ['Ana', 'approve', false, 'approved'],
      ['Ben', 'remove', true, 'approved']
    ]);
  });

  it('settle truly concurrent decisions on one version: one applies, the other conflicts', async () => {
    const results = await Promise.all(
      [ana, ben].map((moderatorId) =>
        decide(database().db, { commentId, moderatorId, action: 'escalate', expectedVersion: 0 })
      )
    );
    expect(results.map((result) => result.outcome).sort()).toEqual(['applied', 'conflict']);
    expect(await decisionHistory(database().db, commentId)).toHaveLength(2);
    expect(await findStatus(database().db, commentId)).toMatchObject({ version: 1 });
  });

  it('undo back through the log to pending, then report nothing left to undo', async () => {
    const db = database().db;
    await decide(db, { commentId, moderatorId: ana, action: 'escalate', expectedVersion: 0 });
    await decide(db, {
      commentId,
      moderatorId: ben,
      action: 'remove',
      reason: 'hate',
      expectedVersion: 1
    });
    expect(
      await decide(db, { commentId, moderatorId: ben, action: 'undo', expectedVersion: 2 })
    ).toMatchObject({
      ok: true,
      status: 'escalated',
      version: 3
    });
    expect(
      await decide(db, { commentId, moderatorId: ana, action: 'undo', expectedVersion: 3 })
    ).toMatchObject({
      ok: true,
      status: 'pending',
      version: 4
    });
    expect(
      await decide(db, { commentId, moderatorId: ana, action: 'undo', expectedVersion: 4 })
    ).toEqual({
      ok: false,
      outcome: 'nothing_to_undo',
      status: 'pending',
      version: 4
    });
    const history = await decisionHistory(db, commentId);
    expect(history.map((entry) => entry.undoesDecisionId)).toEqual([
      null,
      null,
      history[1]!.id,
      history[0]!.id
    ]);
  });

  it('refuse a removal without a reason from the list, and a reason on an approval', async () => {
    const db = database().db;
    await expect(
      decide(db, { commentId, moderatorId: ana, action: 'remove', expectedVersion: 0 })
    ).rejects.toThrow(/Removing a comment needs a reason: one of spam, harassment/);
    await expect(
      decide(db, {
        commentId,
        moderatorId: ana,
        action: 'remove',
        // A reason outside the list, as an unchecked form could send.
        reason: 'rude' as RemoveReason,
        expectedVersion: 0
      })
    ).rejects.toBeInstanceOf(InvalidDecisionError);
    await expect(
      decide(db, {
        commentId,
        moderatorId: ana,
        action: 'approve',
        reason: 'spam',
        expectedVersion: 0
      })
    ).rejects.toBeInstanceOf(InvalidDecisionError);
    expect(await decisionHistory(db, commentId)).toEqual([]);
  });
});
