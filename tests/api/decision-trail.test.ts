/**
 * GET /api/v1/decisions on both engines: every decision newest first, paged by cursor,
 * filtered by moderator name, comment and time; bad parameters answer 400.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { decisionTrailResponse } from '../../src/lib/server/api/decision-trail';
import { decide } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the API: the decisions trail', (database) => {
  let commentIds: number[] = [];
  /** Decision ids in the order they were made. */
  const made: number[] = [];

  beforeAll(async () => {
    const db = database().db;
    await emptyModeration(db);
    ({ commentIds } = await storeScoredArticle(db, [
      { text: 'toxicity=0.8' },
      { text: 'insult=0.9' },
      { text: 'threat=0.7' }
    ]));
    const ana = await addModerator(db, 'Ana');
    const ben = await addModerator(db, 'Ben');
    const steps = [
      { moderatorId: ana, commentId: commentIds[0]!, action: 'approve', expectedVersion: 0 },
      { moderatorId: ben, commentId: commentIds[1]!, action: 'escalate', expectedVersion: 0 },
      // Stale: Ben acts on version 0 after Ana: a conflict, still in the trail.
      { moderatorId: ben, commentId: commentIds[0]!, action: 'escalate', expectedVersion: 0 },
      { moderatorId: ana, commentId: commentIds[2]!, action: 'approve', expectedVersion: 0 }
    ] as const;
    for (const step of steps) {
      const result = await decide(db, step);
      made.push('decisionId' in result ? result.decisionId : -1);
    }
  });

  const get = async (query: string) => {
    const response = await decisionTrailResponse(database().db, new URLSearchParams(query));
    return { status: response.status, body: await response.json() };
  };
  const ids = (body: { decisions: Array<{ id: number }> }) => body.decisions.map((d) => d.id);

  it('lists every decision newest first, conflicts included, with the comment id', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(ids(body)).toEqual([...made].reverse());
    expect(body.decisions[1]).toMatchObject({
      commentId: commentIds[0],
      moderator: { name: 'Ben' },
      action: 'escalate',
      conflict: true
    });
    expect(body.nextCursor).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/hash|password/i);
  });

  it('pages with the cursor, each decision exactly once', async () => {
    const first = await get('limit=3');
    expect(ids(first.body)).toEqual([made[3], made[2], made[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(`limit=3&after=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([made[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by moderator name (any case), by comment, and both', async () => {
    expect(ids((await get('moderator=ana')).body)).toEqual([made[3], made[0]]);
    expect(ids((await get(`comment=${commentIds[0]}`)).body)).toEqual([made[2], made[0]]);
    expect(ids((await get(`comment=${commentIds[0]}&moderator=Ben`)).body)).toEqual([made[2]]);
  });

  it('filters by time: since a moment after the decisions, none; before them, all', async () => {
    const { now } = (await sql<{ now: Date }>`select now() as now`.execute(database().db)).rows[0]!;
    const later = new Date(now.getTime() + 60_000).toISOString();
    const earlier = new Date(now.getTime() - 3_600_000).toISOString();
    expect(ids((await get(`since=${later}`)).body)).toEqual([]);
    expect(ids((await get(`since=${encodeURIComponent(earlier)}`)).body)).toEqual(
      [...made].reverse()
    );
  });

  it.each([
    ['moderator=nobody', 'moderator', /no user named nobody/],
    ['since=yesterday', 'since', /ISO 8601/],
    ['comment=abc', 'comment', /number/i],
    ['after=bm9wZQ', 'after', /not a cursor/],
    ['page=2', 'page', /unknown parameter/]
  ])('answers 400 for %s', async (query, field, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.issues).toContainEqual({ field, message: expect.stringMatching(message) });
  });
});
