/**
 * A small corpus with hand-computed analytics (see tests/analytics): three articles under two
 * outlets, two of them one story group, seven comments with known scores, flags, lexicon
 * spans, times and authors, and decisions (an undo and a conflict included).
 *
 *   comment  article  author  time (UTC)          flagged               status
 *   c1       planet   ann     2024-03-01 10:00    toxicity, insult      removed
 *   c2       planet   ann     2024-03-01 11:00    —                     approved
 *   c3       planet   bob     2024-03-02 09:00    antisemitism          approved
 *   c4       planet   bob     2024-03-05 09:00    toxicity              escalated
 *   c5       metro    ann     2024-03-02 12:00    insult                removed
 *   c6       metro    —       (ingested 03-03)    —                     pending (approve undone)
 *   c7       solo     cat     2024-03-10 09:00    toxicity, profanity   removed (+ a conflict)
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../src/lib/server/db/schema';
import { decide } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from './moderators';
import { storeScoredArticle } from './scored-comments';

export interface AnalyticsFixture {
  comments: number[];
  articles: { planet: number; metro: number; solo: number };
  storyGroup: number;
}

/** A shipped lexicon entry (category echo) and one no lexicon in force knows. */
export const ECHO_ENTRY = 'echo-triple-parentheses';
export const UNKNOWN_ENTRY = 'retired-entry';

export async function storeAnalyticsFixture(db: Kysely<Schema>): Promise<AnalyticsFixture> {
  await emptyModeration(db);
  await sql`truncate table story_groups restart identity cascade`.execute(db);
  const planet = await storeScoredArticle(
    db,
    [
      { text: 'toxicity=0.925 insult=0.6 you', author: 'ann' },
      { text: 'toxicity=0.25 mild', author: 'ann' },
      { text: 'antisemitism=0.8 the (((usual)))', author: 'bob' },
      { text: 'toxicity=1 rant', author: 'bob' }
    ],
    { title: 'Planet story', outlet: 'Daily Planet' }
  );
  const metro = await storeScoredArticle(
    db,
    [
      { text: 'insult=0.55 fool', author: 'ann' },
      { text: 'plain words', author: null }
    ],
    { title: 'Metro copy', outlet: 'Metro Post' }
  );
  const solo = await storeScoredArticle(
    db,
    [{ text: 'toxicity=0.625 profanity=0.7 damn', author: 'cat' }],
    { title: 'Solo story', outlet: 'Daily Planet' }
  );
  const [c1, c2, c3, c4] = planet.commentIds as [number, number, number, number];
  const [c5, c6] = metro.commentIds as [number, number];
  const [c7] = solo.commentIds as [number];

  const times: Array<[number, string]> = [
    [c1, '2024-03-01T10:00:00Z'],
    [c2, '2024-03-01T11:00:00Z'],
    [c3, '2024-03-02T09:00:00Z'],
    [c4, '2024-03-05T09:00:00Z'],
    [c5, '2024-03-02T12:00:00Z'],
    [c7, '2024-03-10T09:00:00Z']
  ];
  for (const [id, at] of times) {
    await db
      .updateTable('comments')
      .set({ posted_at: new Date(at) })
      .where('id', '=', id)
      .execute();
  }
  // c6 has no time of its own: it counts at its document's ingest time.
  await sql`update documents set ingested_at = '2024-03-03T12:00:00Z'
    where id = (select document_id from articles where id = ${metro.articleId})`.execute(db);

  await db
    .insertInto('story_groups')
    .values({ id: planet.articleId, title: 'Planet story' })
    .execute();
  await db
    .updateTable('articles')
    .set({ story_group_id: planet.articleId })
    .where('id', 'in', [planet.articleId, metro.articleId])
    .execute();

  // Lexicon spans: two hits of the echo entry in c3, one of an unknown entry in c7, and a
  // model span without entryId (not a coded term).
  const setSpans = (id: number, spans: object[]) =>
    db
      .updateTable('comment_scores')
      .set({ spans: JSON.stringify(spans) })
      .where('comment_id', '=', id)
      .execute();
  await setSpans(c3, [
    { start: 17, end: 28, label: 'antisemitism', reason: 'echo', entryId: ECHO_ENTRY },
    { start: 0, end: 5, label: 'antisemitism', reason: 'echo', entryId: ECHO_ENTRY }
  ]);
  await setSpans(c7, [
    { start: 0, end: 4, label: 'profanity', reason: 'swearing', entryId: UNKNOWN_ENTRY },
    { start: 5, end: 9, label: 'toxicity', reason: 'model weighed it' }
  ]);

  const moderatorId = await addModerator(db, 'Mo');
  const act = (
    commentId: number,
    action: 'approve' | 'remove' | 'escalate' | 'undo',
    version = 0
  ) =>
    decide(db, {
      commentId,
      moderatorId,
      action,
      expectedVersion: version,
      ...(action === 'remove' ? { reason: 'harassment' as const } : {})
    });
  await act(c1, 'remove');
  await act(c2, 'approve');
  await act(c3, 'approve');
  await act(c4, 'escalate');
  await act(c5, 'remove');
  await act(c6, 'approve');
  await act(c6, 'undo', 1);
  await act(c7, 'remove');
  await act(c7, 'approve', 0); // stale version: recorded as a conflict, status unchanged
  return {
    comments: [c1, c2, c3, c4, c5, c6, c7],
    articles: { planet: planet.articleId, metro: metro.articleId, solo: solo.articleId },
    storyGroup: planet.articleId
  };
}
