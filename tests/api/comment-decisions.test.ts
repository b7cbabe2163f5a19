/**
 * The API's decision endpoints on both engines: POST answers 201, 409 on a stale version
 * (recorded as a conflict, status kept), 400 with field messages for bad input (nothing
 * recorded), 404 for unknown comments; GET lists the history oldest first.
 */
import { beforeEach, expect, it } from 'vitest';
import {
  commentDecisionsResponse,
  postDecisionResponse
} from '../../src/lib/server/api/comment-decisions';
import { decisionHistory, findStatus } from '../../src/lib/server/moderation';
import { oneCommentTwoModerators } from '../helpers/moderators';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the API: deciding on a comment', (database) => {
  let commentId = 0;
  let ana = 0;
  let ben = 0;

  beforeEach(async () => {
    ({ commentId, ana, ben } = await oneCommentTwoModerators(database().db));
  });

  const post = (moderatorId: number, body: unknown, id = String(commentId)) =>
    postDecisionResponse(
      database().db,
      id,
      new Request('http://app.test/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body)
      }),
      moderatorId
    );

  it('answers 201 with the decision, the new status and version', async () => {
    const response = await post(ana, {
      action: 'remove',
      reason: 'hate',
      note: 'slur',
      version: 0
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'removed',
      version: 1,
      decision: {
        commentId,
        moderator: { id: ana, name: 'Ana' },
        action: 'remove',
        reason: 'hate',
        note: 'slur',
        statusBefore: 'pending',
        statusAfter: 'removed',
        commentVersion: 0,
        conflict: false
      }
    });
    expect(JSON.stringify(body)).not.toMatch(/hash|password/i);
    expect(await findStatus(database().db, commentId)).toMatchObject({
      status: 'removed',
      version: 1
    });
  });

  it('answers 409 on a stale version, records the conflict and keeps the status', async () => {
    expect((await post(ana, { action: 'approve', version: 0 })).status).toBe(201);
    const stale = await post(ben, { action: 'remove', reason: 'spam', version: 0 });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatchObject({
      code: 'stale_version',
      current: { status: 'approved', version: 1, decidedBy: 'Ana' },
      decision: { moderator: { name: 'Ben' }, action: 'remove', conflict: true }
    });
    expect(body.error.message).toMatch(/Ana decided .* approved at version 1/);
    expect(await findStatus(database().db, commentId)).toMatchObject({
      status: 'approved',
      version: 1
    });
    const history = await decisionHistory(database().db, commentId);
    expect(history.map(({ moderator, conflict }) => [moderator.name, conflict])).toEqual([
      ['Ana', false],
      ['Ben', true]
    ]);
  });

  it.each([
    ['remove without a reason', { action: 'remove', version: 0 }, 'reason', /needs a reason/],
    ['an unknown action', { action: 'delete', version: 0 }, 'action', /approve/],
    ['no version', { action: 'approve' }, 'version', /version of the comment you read/],
    ['a null version', { action: 'approve', version: null }, 'version', /integer/],
    ['a string version', { action: 'approve', version: '1' }, 'version', /integer/],
    ['a fractional version', { action: 'approve', version: 1.5 }, 'version', /integer/],
    ['a negative version', { action: 'approve', version: -1 }, 'version', /0 or more/],
    ['the page form name', { action: 'approve', expectedVersion: 0 }, null, /expectedVersion/],
    ['a reason when approving', { action: 'approve', reason: 'spam', version: 0 }, 'reason', /only/]
  ])('answers 400 for %s, naming the field, and records nothing', async (_, body, field, text) => {
    const response = await post(ana, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toContainEqual({ field, message: expect.stringMatching(text) });
    expect(await decisionHistory(database().db, commentId)).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post(ana, '{"action": approve');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_json');
    expect(await decisionHistory(database().db, commentId)).toEqual([]);
  });

  it('answers 404 for an unknown or malformed comment id', async () => {
    for (const id of [String(commentId + 1000), 'abc', '0', '1e3']) {
      const response = await post(ana, { action: 'approve', version: 0 }, id);
      expect(response.status).toBe(404);
      expect((await response.json()).error).toEqual({
        code: 'not_found',
        message: 'No such comment'
      });
      expect((await commentDecisionsResponse(database().db, id)).status).toBe(404);
    }
  });

  it('answers 409 nothing_to_undo when there is no decision to undo', async () => {
    const response = await post(ana, { action: 'undo', version: 0 });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({
      code: 'nothing_to_undo',
      current: { status: 'pending', version: 0 }
    });
  });

  it('lists the history oldest first, undo included', async () => {
    await post(ana, { action: 'escalate', version: 0 });
    await post(ben, { action: 'undo', version: 1 });
    const response = await commentDecisionsResponse(database().db, String(commentId));
    expect(response.status).toBe(200);
    const { decisions } = await response.json();
    expect(decisions).toMatchObject([
      { moderator: { name: 'Ana' }, action: 'escalate', statusAfter: 'escalated' },
      { moderator: { name: 'Ben' }, action: 'undo', statusAfter: 'pending' }
    ]);
    expect(decisions[1].undoesDecisionId).toBe(decisions[0].id);
    expect(typeof decisions[0].at).toBe('string');
  });
});
