import { beforeEach, expect, it } from 'vitest';
import {
  claimJobs,
  completeJobs,
  enqueueCommentsOfArticle,
  findCommentScores,
  retryOrFailJobs
} from '../../../src/lib/server/classify/jobs';
import type { Classification } from '../../../src/lib/server/classify/types';
import { failingInsertsInto, InjectedFailure } from '../../helpers/failing-insert-plugin';
import { emptyQueue, expireLeases, jobsOf, queueComments } from '../../helpers/job-factories';
import { describeEachEngine } from '../../helpers/test-databases';

const lease = { leaseSeconds: 60 };

function verdict(toxicity: number, versions = { lexicon: 'lex@1', model: 'model@1' }) {
  return {
    scores: {
      toxicity,
      profanity: 0.25,
      insult: 0,
      threat: 0,
      identity_attack: 0.125,
      antisemitism: 0.875
    },
    flagged: toxicity >= 0.5 ? ['toxicity', 'antisemitism'] : ['antisemitism'],
    spans: [{ start: 0, end: 4, label: 'antisemitism', reason: 'a coded term', entryId: 'e1' }],
    versions
  } satisfies Classification;
}

describeEachEngine('completing classification jobs', (database) => {
  beforeEach(() => emptyQueue(database().db));

  it('store the verdict and mark the job done together', async () => {
    const { commentIds } = await queueComments(database().db, ['(((them))) again']);
    const [job] = await claimJobs(database().db, { owner: 'w', limit: 1, ...lease });
    const completion = await completeJobs(database().db, 'w', [
      { jobId: job!.id, classification: verdict(0.75) }
    ]);
    expect(completion).toEqual({ completed: [job!.id], lost: [] });

    const stored = await findCommentScores(database().db, commentIds[0]!);
    expect(stored).toMatchObject({
      commentId: commentIds[0],
      scores: verdict(0.75).scores,
      flagged: ['toxicity', 'antisemitism'],
      maxFlaggedScore: 0.875,
      spans: verdict(0.75).spans,
      versions: { lexicon: 'lex@1', model: 'model@1' }
    });
    const row = await database()
      .db.selectFrom('comment_scores as s')
      .innerJoin('comments as c', 'c.id', 's.comment_id')
      .select([
        's.model_version',
        's.lexicon_version',
        's.article_id',
        'c.article_id as commentArticle'
      ])
      .executeTakeFirstOrThrow();
    // The score row carries its comment's article for the queue's filters (migration 0010).
    expect(row).toEqual({
      model_version: 'model@1',
      lexicon_version: 'lex@1',
      article_id: row.commentArticle,
      commentArticle: expect.any(Number)
    });
    const [done] = await jobsOf(database().db);
    expect(done).toMatchObject({ status: 'done', lease_expires_at: null, lease_owner: 'w' });
    expect(done!.finished_at).toBeInstanceOf(Date);
  });

  it('compute no max flagged score when nothing is flagged', async () => {
    const { commentIds } = await queueComments(database().db, ['fine']);
    const [job] = await claimJobs(database().db, { owner: 'w', limit: 1, ...lease });
    const calm = { ...verdict(0.1), flagged: [] };
    await completeJobs(database().db, 'w', [{ jobId: job!.id, classification: calm }]);
    const stored = await findCommentScores(database().db, commentIds[0]!);
    expect(stored).toMatchObject({ flagged: [], maxFlaggedScore: null });
  });

  it('write nothing for a job whose lease another worker took over', async () => {
    const { commentIds } = await queueComments(database().db, ['contested']);
    const [stale] = await claimJobs(database().db, { owner: 'stalled', limit: 1, ...lease });
    await expireLeases(database().db, [stale!.id]);
    const [taken] = await claimJobs(database().db, { owner: 'other', limit: 1, ...lease });
    expect(taken!.id).toBe(stale!.id);

    const late = await completeJobs(database().db, 'stalled', [
      { jobId: stale!.id, classification: verdict(0.9) }
    ]);
    expect(late).toEqual({ completed: [], lost: [stale!.id] });
    expect(await findCommentScores(database().db, commentIds[0]!)).toBeUndefined();
    expect((await jobsOf(database().db))[0]).toMatchObject({
      status: 'running',
      lease_owner: 'other'
    });

    await completeJobs(database().db, 'other', [
      { jobId: taken!.id, classification: verdict(0.2) }
    ]);
    expect((await findCommentScores(database().db, commentIds[0]!))?.scores.toxicity).toBe(0.2);
    // Neither can the stalled worker send it back to the queue, now that it is done.
    const retried = await retryOrFailJobs(
      database().db,
      'stalled',
      [{ jobId: stale!.id, error: 'x' }],
      { maxAttempts: 3, retryDelaySeconds: 0 }
    );
    expect(retried).toEqual({ retried: [], failed: [], lost: [stale!.id] });
  });

  it('complete a job whose lease ran out if no one else claimed it', async () => {
    await queueComments(database().db, ['slow but alone']);
    const [job] = await claimJobs(database().db, { owner: 'slow', limit: 1, ...lease });
    await expireLeases(database().db, [job!.id]);
    const completion = await completeJobs(database().db, 'slow', [
      { jobId: job!.id, classification: verdict(0.3) }
    ]);
    expect(completion.completed).toEqual([job!.id]);
  });

  it('leave the job running under its lease when storing the verdict fails', async () => {
    const { commentIds } = await queueComments(database().db, ['unlucky']);
    const [job] = await claimJobs(database().db, { owner: 'w', limit: 1, ...lease });
    const failing = database().db.withPlugin(failingInsertsInto('comment_scores'));
    await expect(
      completeJobs(failing, 'w', [{ jobId: job!.id, classification: verdict(0.3) }])
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect((await jobsOf(database().db))[0]).toMatchObject({ status: 'running', lease_owner: 'w' });
    expect(await findCommentScores(database().db, commentIds[0]!)).toBeUndefined();
  });

  it('replace the previous verdict when a comment is scored again', async () => {
    const { articleId, commentIds } = await queueComments(database().db, ['rescored']);
    const [first] = await claimJobs(database().db, { owner: 'w', limit: 1, ...lease });
    await completeJobs(database().db, 'w', [{ jobId: first!.id, classification: verdict(0.9) }]);
    await enqueueCommentsOfArticle(database().db, articleId);
    const [second] = await claimJobs(database().db, { owner: 'w', limit: 1, ...lease });
    const newer = { ...verdict(0.1, { lexicon: 'lex@2', model: 'model@1' }), flagged: [] };
    await completeJobs(database().db, 'w', [{ jobId: second!.id, classification: newer }]);

    const rows = await database().db.selectFrom('comment_scores').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(await findCommentScores(database().db, commentIds[0]!)).toMatchObject({
      scores: { toxicity: 0.1 },
      flagged: [],
      maxFlaggedScore: null,
      versions: { lexicon: 'lex@2', model: 'model@1' }
    });
  });
});
