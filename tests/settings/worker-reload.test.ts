/**
 * A worker built before a settings change scores its next batch with the change: the
 * classifier source compares a fingerprint of the settings tables before each batch and
 * rebuilds only when it differs. Re-scoring queues exactly the comments an older lexicon
 * scored.
 */
import { beforeAll, expect, it } from 'vitest';
import { enqueueCommentsOfArticle, runWorker } from '../../src/lib/server/classify/jobs';
import { findCommentScores } from '../../src/lib/server/classify/jobs/scores.repository';
import {
  addLexiconEntry,
  classifierFromSettings,
  countScoredByOtherLexicon,
  enqueueStaleComments,
  loadLexiconInForce,
  saveThreshold,
  settingsFingerprint
} from '../../src/lib/server/settings';
import { lexiconOnlySettings, ZORBLAX } from '../helpers/classifier-settings';
import { storeArticle } from '../helpers/corpus-factories';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('workers pick up changed settings', (database) => {
  let admin = 0;
  let articleId = 0;

  beforeAll(async () => {
    const db = database().db;
    await emptyModeration(db);
    admin = await addModerator(db, 'Ada');
    ({ articleId } = await storeArticle(db, {
      title: 'reload',
      comments: ['what a zorblax you are', 'a quiet remark about the weather'].map((text) => ({
        author: 'anon',
        postedAt: null,
        postedAtRaw: null,
        parent: null,
        text
      }))
    }));
  });

  it('rebuilds the classifier only when the fingerprint changes', async () => {
    const db = database().db;
    const source = classifierFromSettings(db, lexiconOnlySettings());
    const before = await settingsFingerprint(db);
    const first = await source();
    expect(await source()).toBe(first);
    await saveThreshold(db, { label: 'threat', threshold: '0.8', userId: admin });
    expect(await settingsFingerprint(db)).not.toBe(before);
    const second = await source();
    expect(second).not.toBe(first);
    expect(second.thresholds.threat).toBe(0.8);
  });

  it('scores the batch after a lexicon edit with the edit, then re-scores the stale', async () => {
    const db = database().db;
    const source = classifierFromSettings(db, lexiconOnlySettings());
    const commentIds = (
      await db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', articleId)
        .orderBy('id')
        .execute()
    ).map((row) => row.id);
    await enqueueCommentsOfArticle(db, articleId);
    await runWorker({ db, classifier: source, untilDrained: true, pollMs: 10 });
    expect((await findCommentScores(db, commentIds[0]!))?.flagged).toEqual([]);

    await addLexiconEntry(db, ZORBLAX, admin);
    const { version } = await loadLexiconInForce(db);
    expect(await countScoredByOtherLexicon(db, `threadwatch-lexicon@${version}`)).toBe(2);
    expect(await enqueueStaleComments(db, source)).toBe(2);
    // The same source the worker ran with before the edit.
    await runWorker({ db, classifier: source, untilDrained: true, pollMs: 10 });
    const rescored = await findCommentScores(db, commentIds[0]!);
    expect(rescored?.flagged).toEqual(['toxicity', 'insult']);
    expect(rescored?.spans).toMatchObject([
      { entryId: 'test-zorblax', reason: ZORBLAX.explanation }
    ]);
    expect(rescored?.versions.lexicon).toBe(`threadwatch-lexicon@${version}`);
    expect(await countScoredByOtherLexicon(db, `threadwatch-lexicon@${version}`)).toBe(0);
    expect(await enqueueStaleComments(db, source)).toBe(0);
  });
});
