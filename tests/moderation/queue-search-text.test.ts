/**
 * The queue's text search reads queue_search_texts (migration 0013), which triggers fill
 * with the text of every comment the queue can list: flagged when scored, re-flagged by an
 * update, or decided. Text nobody can search for (an unflagged, undecided comment) is not
 * indexed: that is what keeps ingest free of trigram upkeep.
 */
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { queueFilterSchema, type QueueFilterInput } from '../../src/lib/schemas/queue-filter';
import { countQueue, decide, listQueue } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the review queue: searchable text', (database) => {
  let flagged = 0;
  let calm = 0;
  let quiet = 0;

  beforeEach(async () => {
    const db = database().db;
    await emptyModeration(db);
    const { commentIds } = await storeScoredArticle(db, [
      { text: 'Harbour insult=0.8 talk' },
      { text: 'harbour views are calm' },
      { text: 'Harbour quiet today' }
    ]);
    [flagged, calm, quiet] = commentIds as [number, number, number];
  });

  const searchable = async () =>
    (
      await database()
        .db.selectFrom('queue_search_texts')
        .select('comment_id')
        .orderBy('comment_id')
        .execute()
    ).map((row) => row.comment_id);
  const matching = async (input: QueueFilterInput) => {
    const filter = queueFilterSchema.parse(input);
    const { items } = await listQueue(database().db, filter);
    expect(await countQueue(database().db, filter)).toBe(items.length);
    return items.map((item) => item.comment.id).sort((a, b) => a - b);
  };

  it('holds the flagged comments’ text, not the rest', async () => {
    expect(await searchable()).toEqual([flagged]);
    expect(await matching({ text: 'HARBOUR' })).toEqual([flagged]);
  });

  it('takes in a comment when a moderator decides it, flagged or not', async () => {
    const moderator = await addModerator(database().db, 'mo');
    await decide(database().db, {
      commentId: calm,
      moderatorId: moderator,
      action: 'approve',
      expectedVersion: 0
    });
    expect(await searchable()).toEqual([flagged, calm]);
    expect(await matching({ status: 'approved', text: 'views' })).toEqual([calm]);
  });

  it('takes in a comment whose score row is updated to flagged (a re-flag)', async () => {
    await sql`update comment_scores set flagged = array['toxicity'], toxicity = 0.6
      where comment_id = ${quiet}`.execute(database().db);
    expect(await searchable()).toEqual([flagged, quiet]);
    expect(await matching({ text: 'quiet' })).toEqual([quiet]);
  });
});
