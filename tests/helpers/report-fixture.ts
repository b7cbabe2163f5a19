/**
 * A small corpus with hand-chosen rows for the report tests: two scored articles under two
 * outlets, one unscored article, decisions by two moderators (a removal undone and redone
 * included), comment times on some rows, and comment text that CSV must quote (commas,
 * quotes, CR/LF, LF) and carry intact (emoji, Hebrew).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/lib/server/db/schema';
import { decide } from '../../src/lib/server/moderation';
import { comment, storeArticle } from './corpus-factories';
import { addModerator, emptyModeration } from './moderators';
import { storeScoredArticle } from './scored-comments';

export const TRICKY_TEXT = 'toxicity=0.8 Hello, "world"\r\nsecond line, with 🎉 and שלום';

export interface ReportFixture {
  /** Keyed by what each comment is for. */
  ids: {
    removed: number;
    escalated: number;
    approved: number;
    reRemoved: number;
    threatPending: number;
    plainPending: number;
    unscored: number;
  };
  articles: { planet: number; metro: number; unscored: number };
  moderators: { ana: number; ben: number };
}

export async function storeReportFixture(db: Kysely<Schema>): Promise<ReportFixture> {
  await emptyModeration(db);
  const planet = await storeScoredArticle(
    db,
    [
      { text: TRICKY_TEXT, author: 'Zoë, "the" critic' },
      { text: 'insult=0.6 you fool' },
      { text: 'just text, no flags', author: null },
      { text: 'antisemitism=0.9 the (((usual))) suspects' }
    ],
    { title: 'Planet article', outlet: 'Daily Planet' }
  );
  const metro = await storeScoredArticle(
    db,
    [{ text: 'threat=0.7 "quoted"\nnext line' }, { text: 'ok text' }],
    { title: 'Metro article', outlet: 'Metro Post' }
  );
  const unscored = await storeArticle(db, {
    title: 'Unscored article',
    comments: [comment('never classified')]
  });
  const unscoredId = (
    await db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', unscored.articleId)
      .executeTakeFirstOrThrow()
  ).id;
  const [removed, escalated, approved, reRemoved] = planet.commentIds as [
    number,
    number,
    number,
    number
  ];
  const [threatPending, plainPending] = metro.commentIds as [number, number];

  const setTime = (id: number, at: string) =>
    db
      .updateTable('comments')
      .set({ posted_at: new Date(at) })
      .where('id', '=', id)
      .execute();
  await setTime(removed, '2024-03-01T10:00:00Z');
  await setTime(escalated, '2024-03-02T23:30:00Z');
  await setTime(unscoredId, '2024-01-10T08:00:00Z');

  const ana = await addModerator(db, 'Ana');
  const ben = await addModerator(db, 'Ben');
  await decide(db, {
    commentId: removed,
    moderatorId: ana,
    action: 'remove',
    reason: 'harassment',
    note: 'repeat offender, see "thread"',
    expectedVersion: 0
  });
  await decide(db, {
    commentId: escalated,
    moderatorId: ben,
    action: 'escalate',
    expectedVersion: 0
  });
  await decide(db, {
    commentId: approved,
    moderatorId: ana,
    action: 'approve',
    expectedVersion: 0
  });
  await decide(db, {
    commentId: reRemoved,
    moderatorId: ana,
    action: 'remove',
    reason: 'antisemitism',
    expectedVersion: 0
  });
  await decide(db, { commentId: reRemoved, moderatorId: ben, action: 'undo', expectedVersion: 1 });
  await decide(db, {
    commentId: reRemoved,
    moderatorId: ben,
    action: 'remove',
    reason: 'hate',
    expectedVersion: 2
  });
  return {
    ids: {
      removed,
      escalated,
      approved,
      reRemoved,
      threatPending,
      plainPending,
      unscored: unscoredId
    },
    articles: { planet: planet.articleId, metro: metro.articleId, unscored: unscored.articleId },
    moderators: { ana, ben }
  };
}
